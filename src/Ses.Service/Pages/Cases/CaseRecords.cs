using Microsoft.EntityFrameworkCore;
using Ses.Service.Data;
using Ses.Service.Records;

namespace Ses.Service.Pages.Cases;

/// <summary>The credit record a case led to (实施办法第十四条第二款): the party's own, not the persons recorded with it.</summary>
public static class CaseRecords
{
    public static async Task<RecordView?> OfCaseAsync(SesDbContext db, RecordQueries records, Guid caseId, string bureau, CancellationToken ct)
    {
        var id = await db.CreditRecords.AsNoTracking().Where(r => r.CaseId == caseId && r.Bureau == bureau && r.LinkedToRecordId == null)
            .OrderByDescending(r => r.Id).Select(r => (Guid?)r.Id).FirstOrDefaultAsync(ct);
        return id is { } found ? await records.GetAsync(found, bureau, ct) : null;
    }
}
