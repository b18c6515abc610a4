using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Ses.Service.Tests.Security;

/// <summary>
/// Makes the database refuse the INSERT into one table, while <see cref="Refusing"/>, with the given failure — how a
/// real constraint violation or a full disk reaches EF Core — so a test can see which failures the service answers as
/// a conflict and which it does not.
/// </summary>
internal sealed class RefuseInsert(string table, Func<Exception> failure) : DbCommandInterceptor
{
    public volatile bool Refusing;

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Refuse(command);
        return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Refuse(command);
        return base.NonQueryExecutingAsync(command, eventData, result, cancellationToken);
    }

    private void Refuse(DbCommand command)
    {
        if (Refusing && command.CommandText.Contains($"INSERT INTO \"{table}\"", StringComparison.Ordinal)) throw failure();
    }
}
