using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Ses.Service.Accounts;
using Ses.Service.Issuing;

namespace Ses.Service.Pages.Officer;

/// <summary>The register (发文登记簿) of the bureau by series and year, and its CSV export.</summary>
public sealed class RegisterModel(DocumentRegister register) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Series { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    public IReadOnlyList<IssuedDocument> Rows { get; private set; } = [];

    public async Task OnGetAsync() =>
        Rows = await register.RowsAsync(User.StaffBureau(), Empty(Series), Year, HttpContext.RequestAborted);

    public async Task<IActionResult> OnGetCsvAsync()
    {
        var (csv, name) = await register.CsvAsync(User.StaffBureau(), Empty(Series), Year, HttpContext.RequestAborted);
        return File(csv, "text/csv; charset=utf-8", name);
    }

    private static string? Empty(string? s) => string.IsNullOrWhiteSpace(s) ? null : s;
}
