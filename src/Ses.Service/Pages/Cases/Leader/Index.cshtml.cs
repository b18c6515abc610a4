using Microsoft.AspNetCore.Mvc.RazorPages;
using Ses.Service.Accounts;
using Ses.Service.Cases;
using Ses.Service.Corrections;

namespace Ses.Service.Pages.Cases.Leader;

/// <summary>The bureau's credit cases waiting for the leader's approval: the notice, or closing without a record (实施办法第十三条).</summary>
public sealed class IndexModel(CaseService cases, CorrectionService corrections) : PageModel
{
    public IReadOnlyList<ApprovalView> Waiting { get; private set; } = [];

    /// <summary>Corrections of credit records waiting for the leader (实施办法第二十四条).</summary>
    public IReadOnlyList<CorrectionView> Corrections { get; private set; } = [];

    public async Task OnGetAsync()
    {
        Waiting = await cases.AwaitingApprovalAsync(User.StaffBureau(), HttpContext.RequestAborted);
        Corrections = (await corrections.ListAsync(User.StaffBureau(), null, HttpContext.RequestAborted))
            .Where(c => c.State == CorrectionState.Approval).ToList();
    }
}
