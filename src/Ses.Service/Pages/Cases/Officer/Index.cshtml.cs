using Microsoft.AspNetCore.Mvc.RazorPages;
using Ses.Service.Accounts;
using Ses.Service.Cases;

namespace Ses.Service.Pages.Cases.Officer;

/// <summary>
/// 「我的案件」: the officer's open credit cases, the most urgent first, each with its next step, due date, the working
/// days left (overdue in red) and the rule that sets the date.
/// </summary>
public sealed class IndexModel(CaseService cases) : PageModel
{
    public IReadOnlyList<MyCaseView> Cases { get; private set; } = [];

    public async Task OnGetAsync() => Cases = await cases.MineAsync(User.UserId(), User.StaffBureau(), HttpContext.RequestAborted);
}
