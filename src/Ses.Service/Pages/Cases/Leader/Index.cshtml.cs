using Microsoft.AspNetCore.Mvc.RazorPages;
using Ses.Service.Accounts;
using Ses.Service.Cases;

namespace Ses.Service.Pages.Cases.Leader;

/// <summary>The bureau's credit cases waiting for the leader's approval: the notice, or closing without a record (实施办法第十三条).</summary>
public sealed class IndexModel(CaseService cases) : PageModel
{
    public IReadOnlyList<ApprovalView> Waiting { get; private set; } = [];

    public async Task OnGetAsync() => Waiting = await cases.AwaitingApprovalAsync(User.StaffBureau(), HttpContext.RequestAborted);
}
