using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Ses.Service.Accounts;
using Ses.Service.Records;

namespace Ses.Service.Pages.Records.Legal;

/// <summary>
/// The bureau's credit records for legal staff (实施办法第十四条第二款、第十七条), newest first, narrowed by state and by name
/// or identifier; each opens its record page.
/// </summary>
public sealed class IndexModel(RecordQueries queries) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? State { get; set; }

    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Query { get; set; }

    public RecordList? List { get; private set; }

    public string? Refused { get; private set; }

    /// <summary>The organisations' names in the list, for the persons recorded with them.</summary>
    public IReadOnlyDictionary<Guid, string> Organisations { get; private set; } = new Dictionary<Guid, string>();

    public async Task OnGetAsync()
    {
        ModelState.Clear();
        var (list, refused) = await queries.ListAsync(User.StaffBureau(), State, Query, HttpContext.RequestAborted);
        if (list is null)
        {
            Refused = ModelState.Show(refused!, whenFields: null);
            return;
        }
        List = list;
        Organisations = list.Records.Where(r => r.LinkedToRecordId is null).ToDictionary(r => r.Id, r => r.PartyName);
    }
}
