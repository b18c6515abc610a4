using Microsoft.AspNetCore.Mvc;
using Ses.Documents;
using Ses.Service.Http;
using Ses.Service.Registrations;

namespace Ses.Service.Pages.Registration;

/// <summary>
/// 相对人注册 without sign-in (注册通知第二条、附件2), on one page that works without script: the SMS code sent to the first
/// contact's mobile, account names suggested, the 确认函 downloaded already filled in, and the registration submitted with its
/// two scans. Everything typed is kept when a step is refused, each problem beside its field.
/// </summary>
public sealed class IndexModel(RegistrationService registrations, RegistrationCodes codes, RegistrationLetters letters, RegistrationThrottles throttles,
    DocumentEngine engine) : RegistrationFormModel(codes, letters, throttles, engine)
{
    public RegistrationReceipt? Receipt { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostSubmitAsync()
    {
        ModelState.Clear();
        var (receipt, refused) = await registrations.SubmitAsync(await RequestAsync(), HttpContext.Source(), HttpContext.RequestAborted);
        if (receipt is null) Refuse(refused!);
        else Receipt = receipt;
        return Page();
    }
}
