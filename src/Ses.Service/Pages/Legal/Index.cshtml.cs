using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Ses.Service.Accounts;
using Ses.Service.Delivery;

namespace Ses.Service.Pages.Legal;

/// <summary>
/// Searching the bureau's deliveries. The terms are posted, never put in the address: a counterparty's name may be a
/// person's name (no personal data in URLs).
/// </summary>
public sealed class IndexModel(DeliveryQueries queries) : PageModel, IKeepsTypedData
{
    [BindProperty]
    public string? Number { get; set; }

    [BindProperty]
    public string? Counterparty { get; set; }

    [BindProperty]
    public string? From { get; set; }

    [BindProperty]
    public string? To { get; set; }

    public IReadOnlyList<DeliveryView>? Results { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var from = Date(From, nameof(From), "送达起始日期");
        var to = Date(To, nameof(To), "送达截止日期");
        if (!ModelState.IsValid) return Page();
        Results = await queries.SearchAsync(User.StaffBureau(), new DeliverySearch(Number, Counterparty, from, to), HttpContext.RequestAborted);
        return Page();
    }

    private DateOnly? Date(string? text, string field, string label)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) return d;
        ModelState.AddModelError(field, $"「{label}」应为日期 YYYY-MM-DD");
        return null;
    }
}
