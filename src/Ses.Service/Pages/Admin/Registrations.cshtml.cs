using Microsoft.AspNetCore.Mvc.RazorPages;
using Ses.Service.Accounts;
using Ses.Service.Registrations;

namespace Ses.Service.Pages.Admin;

/// <summary>The registrations the bureau's offices verify (注册通知第二条第（四）项), oldest first.</summary>
public sealed class RegistrationsModel(RegistrationReview review) : PageModel
{
    public IReadOnlyList<RegistrationSummary> Queue { get; private set; } = [];

    public async Task OnGetAsync() => Queue = (await review.QueueAsync(User.StaffBureau(), null, HttpContext.RequestAborted)).List ?? [];
}
