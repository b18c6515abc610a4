using Microsoft.AspNetCore.Mvc.RazorPages;
using Ses.Service.Accounts;
using Ses.Service.Submissions;

namespace Ses.Service.Pages.Inbox;

/// <summary>The counterparty's submissions, newest first, each with its receipt.</summary>
public sealed class SubmissionsModel(SubmissionQueries queries) : PageModel
{
    public IReadOnlyList<SubmissionView> Submissions { get; private set; } = [];

    public async Task OnGetAsync() => Submissions = await queries.MineAsync(User.AccountCounterparty(), HttpContext.RequestAborted);
}
