using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Ses.Service.Data;
using Ses.Service.Delivery;
using Ses.Service.Storage;

namespace Ses.Service.Pages.Cases;

/// <summary>
/// The files a case's steps stored (the collection form's PDF, a statement, the minutes, the transfer slip), downloaded
/// from a case page by the step's place in the timeline: read from the file store by the step's SHA-256, only for a
/// case of the caller's bureau, under the file's own name (never an internal id).
/// </summary>
public static class CaseFiles
{
    /// <summary>The link to the file of the <paramref name="position"/>-th step (1 for the first) of the case page at <paramref name="page"/>.</summary>
    public static string Url(string page, int position) => $"{page}?handler=File&step={position}";

    /// <summary>The file, or null when the case is not the bureau's, the step has none, or the store has lost it.</summary>
    public static async Task<FileContentResult?> FindAsync(SesDbContext db, IFileStore files, Guid caseId, string bureau, int position, CancellationToken ct)
    {
        if (position < 1) return null;
        var step = await (
            from s in db.CaseSteps.AsNoTracking()
            join c in db.CreditCases.AsNoTracking() on s.CaseId equals c.Id
            where s.CaseId == caseId && c.Bureau == bureau
            orderby s.Number
            select new { s.FileSha256, s.FileName }).Skip(position - 1).FirstOrDefaultAsync(ct);
        if (step?.FileSha256 is null || await files.GetAsync(step.FileSha256, ct) is not { } bytes) return null;
        return new FileContentResult(bytes, DeliveryService.ReceiptType(bytes) ?? "application/octet-stream") { FileDownloadName = step.FileName ?? "案件材料" };
    }
}
