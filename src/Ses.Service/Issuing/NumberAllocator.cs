using Microsoft.EntityFrameworkCore;
using Ses.Service.Data;

namespace Ses.Service.Issuing;

/// <summary>
/// Takes the next number of a sequence inside the caller's transaction, in the database — never in memory — so it
/// is right under many issuers and several processes: the conditional UPDATE locks the counter row (PostgreSQL) or
/// the database (SQLite, whose issuing transaction begins IMMEDIATE) until the transaction ends. A rolled-back
/// transaction gives its number back, so issued and voided documents have no gaps.
/// </summary>
public static class NumberAllocator
{
    public static async Task<int> NextAsync(SesDbContext db, string bureau, string series, int year, CancellationToken ct)
    {
        // The first number of a year creates the counter; ON CONFLICT makes a concurrent first insert harmless.
        await db.Database.ExecuteSqlAsync(
            $"""INSERT INTO number_counters ("Bureau", "Series", "Year", "Next") VALUES ({bureau}, {series}, {year}, 1) ON CONFLICT DO NOTHING""", ct);
        var taken = await db.Database.SqlQuery<int>(
            $"""
             UPDATE number_counters SET "Next" = "Next" + 1
             WHERE "Bureau" = {bureau} AND "Series" = {series} AND "Year" = {year} RETURNING "Next" - 1 AS "Value"
             """)
            .ToListAsync(ct);
        return taken.Count == 1 ? taken[0] : throw new InvalidOperationException($"number counter {bureau}/{series}/{year} was not advanced");
    }
}
