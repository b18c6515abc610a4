using Ses.Documents.Validation;
using Ses.Service.Data;

namespace Ses.Service.Counterparties;

/// <summary>Finding the counterparties a bureau supervises by name or identifier: the API's <c>?q=</c>, as the pages find them.</summary>
public static class CounterpartySearch
{
    /// <summary>The bureau's counterparties whose name contains <paramref name="q"/> or whose identifier starts with it (all when empty).</summary>
    public static IQueryable<Counterparty> Query(SesDbContext db, string bureau, string? q)
    {
        var query = db.Counterparties.Where(c => c.SupervisingBureau == bureau);
        if (string.IsNullOrWhiteSpace(q)) return query;
        var text = q.Trim();
        var id = Identifiers.Normalize(text).ToUpperInvariant();
        return query.Where(c => c.Name.Contains(text) || c.IdValue.StartsWith(id));
    }
}
