using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Ses.Service.Registrations;

namespace Ses.Service.Pages.Registration;

/// <summary>Where a registration stands, for whoever holds its token (no sign-in: the registrant has no account yet).</summary>
public sealed class StatusModel(RegistrationService registrations) : PageModel
{
    public RegistrationStatus Status { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, string? token)
    {
        if (await registrations.StatusAsync(id, token, HttpContext.RequestAborted) is not { } status) return NotFound();
        Status = status;
        return Page();
    }
}
