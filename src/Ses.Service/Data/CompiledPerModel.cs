using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Ses.Service.Data;

/// <summary>
/// A query compiled once for each model it runs with (<c>EF.CompileAsyncQuery</c>), for the paths run on every request
/// or every service, where building the LINQ tree and looking it up in the query cache cost about as much as the query.
/// EF Core binds a compiled query to the first model it runs with, and one process can hold several: the SQLite and the
/// PostgreSQL context, or several hosts in the tests.
/// </summary>
internal sealed class CompiledPerModel<TQuery>(Func<TQuery> compile) where TQuery : class
{
    private readonly ConditionalWeakTable<IModel, TQuery> _byModel = [];

    public TQuery For(DbContext db)
    {
        var model = db.Model;
        return _byModel.TryGetValue(model, out var query) ? query : _byModel.GetValue(model, _ => compile());
    }
}
