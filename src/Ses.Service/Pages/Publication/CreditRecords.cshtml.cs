using Microsoft.AspNetCore.Mvc.RazorPages;
using Ses.Service.Records;

namespace Ses.Service.Pages.Publication;

/// <summary>
/// The public list of 实施办法第二十条, without sign-in: organisations with records in force, and entries taken down with
/// when and why. Individuals are never listed.
/// </summary>
public sealed class CreditRecordsModel(RecordQueries queries) : PageModel
{
    public PublicFeed Feed { get; private set; } = null!;

    public async Task OnGetAsync() => Feed = await queries.PublicAsync(HttpContext.RequestAborted);
}
