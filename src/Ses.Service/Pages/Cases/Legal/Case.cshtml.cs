using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Ses.Service.Accounts;
using Ses.Service.Cases;
using Ses.Service.Data;
using Ses.Service.Records;
using Ses.Service.Storage;

namespace Ses.Service.Pages.Cases.Legal;

/// <summary>
/// A credit case as legal staff read it (read only): reached from the transfer slips waiting for entry and from a
/// record (the case it came from), with the steps' files and the record it led to (实施办法第十四条第二款). Another
/// bureau's case is not found.
/// </summary>
public sealed class CaseModel(CaseService cases, RecordQueries records, SesDbContext db, IFileStore files) : PageModel
{
    public CaseView Case { get; private set; } = null!;

    public RecordView? Record { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        var bureau = User.StaffBureau();
        if (await cases.GetAsync(id, bureau, HttpContext.RequestAborted) is not { } view) return NotFound();
        Case = view;
        Record = await CaseRecords.OfCaseAsync(db, records, id, bureau, HttpContext.RequestAborted);
        return Page();
    }

    /// <summary>The case's stored file of the <paramref name="step"/>-th step of its timeline, under its own name.</summary>
    public async Task<IActionResult> OnGetFileAsync(Guid id, int step) =>
        await CaseFiles.FindAsync(db, files, id, User.StaffBureau(), step, HttpContext.RequestAborted) is { } file ? file : NotFound();
}
