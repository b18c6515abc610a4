using Microsoft.AspNetCore.Mvc.RazorPages;
using Ses.Service.Accounts;
using Ses.Service.Calendar;
using Ses.Service.Submissions;

namespace Ses.Service.Pages.Inbox;

/// <summary>
/// 我的信用记录: the counterparty's records in force, the first day a repair may be applied for (实施办法第十八条), and
/// 申请信用修复 where it may be today.
/// </summary>
public sealed class RecordsModel(SubmissionQueries queries, TimeProvider time) : PageModel
{
    public IReadOnlyList<MyRecordView> Records { get; private set; } = [];

    public DateOnly Today { get; private set; }

    public async Task OnGetAsync()
    {
        Today = LegalDates.BeijingDate(time.GetUtcNow());
        Records = await queries.RecordsAsync(User.AccountCounterparty(), Today, HttpContext.RequestAborted);
    }
}
