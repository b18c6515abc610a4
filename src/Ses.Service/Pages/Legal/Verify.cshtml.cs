using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Ses.Service.Accounts;
using Ses.Service.Signing;

namespace Ses.Service.Pages.Legal;

/// <summary>Upload a PDF to verify it: signatures, changes after signing, the number, and our delivery record when the file is one the bureau issued.</summary>
public sealed class VerifyModel(UploadedDocumentCheck check) : PageModel, IKeepsTypedData
{
    /// <summary>Under Kestrel's default request body limit (30 MB).</summary>
    public const long MaxBytes = 25 * 1024 * 1024;

    [BindProperty]
    public IFormFile? Pdf { get; set; }

    public UploadedDocument? Result { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (Pdf is not { Length: > 0 }) ModelState.AddModelError(nameof(Pdf), "「PDF 文件」必须选择");
        else if (Pdf.Length > MaxBytes) ModelState.AddModelError(nameof(Pdf), "「PDF 文件」不能超过 25 MB");
        if (!ModelState.IsValid) return Page();
        using var buffer = new MemoryStream();
        await Pdf!.CopyToAsync(buffer, HttpContext.RequestAborted);
        Result = await check.CheckAsync(buffer.ToArray(), User.StaffBureau(), HttpContext.RequestAborted);
        return Page();
    }
}
