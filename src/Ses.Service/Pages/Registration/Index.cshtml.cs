using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Ses.Documents;
using Ses.Documents.Templates;
using Ses.Service.Counterparties;
using Ses.Service.Http;
using Ses.Service.Registrations;
using Ses.Service.Submissions;

namespace Ses.Service.Pages.Registration;

/// <summary>
/// 相对人注册 without sign-in (注册通知第二条、附件2), on one page that works without script: the SMS code sent to the first
/// contact's mobile, account names suggested, the 确认函 downloaded already filled in, and the registration submitted with its
/// two scans. Everything typed is kept when a step is refused, each problem beside its field.
/// </summary>
public sealed class IndexModel(RegistrationService registrations, RegistrationCodes codes, RegistrationLetters letters, RegistrationThrottles throttles,
    DocumentEngine engine) : PageModel, IKeepsTypedData
{
    /// <summary>How many account rows the form offers.</summary>
    public const int AccountRows = 3;

    public string? Refused { get; private set; }

    public string? CodeSentTo { get; private set; }

    public RegistrationReceipt? Receipt { get; private set; }

    public IReadOnlyList<BureauProfile> Bureaus => [.. engine.Templates.Bureaus];

    [BindProperty]
    public IFormFile? Licence { get; set; }

    [BindProperty]
    public IFormFile? Letter { get; set; }

    /// <summary>The value typed into a field (the form's own names), empty on the first visit.</summary>
    public string V(string name) => Request.HasFormContentType ? Request.Form[name].ToString() : "";

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostCodeAsync()
    {
        ModelState.Clear();
        var (sent, refused) = await codes.SendAsync(new CodeRequest(V("contacts[0].mobile")), HttpContext.Source(), HttpContext.RequestAborted);
        if (sent is null) Refused = ModelState.Show(refused!, field => field == "mobile" ? "contacts[0].mobile" : field);
        else CodeSentTo = sent.Mobile;
        return Page();
    }

    /// <summary>Fills every empty account name with the suggestion from the Chinese name and the department.</summary>
    public IActionResult OnPostSuggest()
    {
        ModelState.Clear();
        return Page();
    }

    public string Suggested(int i) => V($"accounts[{i}].userName") is { Length: > 0 } typed || V($"accounts[{i}].department").Length == 0
        ? V($"accounts[{i}].userName")
        : AccountNames.Suggest(V("name"), V($"accounts[{i}].department"));

    public async Task<IActionResult> OnPostLetterAsync()
    {
        ModelState.Clear();
        if (!await throttles.TakeAsync(RegistrationThrottles.LettersPerAddress, HttpContext.Source(), HttpContext.RequestAborted))
        {
            Refused = RegistrationThrottles.TooMany.Message;
            return Page();
        }
        var (pdf, problems) = letters.Render(new LetterRequest(V("kind"), V("name"), V("idScheme"), V("idValue"), V("address"), Contacts()));
        if (pdf is not null) return File(pdf, "application/pdf", letters.FileName);
        Refused = ModelState.Show(Refusal.Invalid(problems));
        return Page();
    }

    public async Task<IActionResult> OnPostSubmitAsync()
    {
        ModelState.Clear();
        var accounts = Enumerable.Range(0, AccountRows).Select(i => new RequestedAccount(V($"accounts[{i}].userName").Trim(), V($"accounts[{i}].department")))
            .Where((a, i) => i == 0 || a.UserName!.Length > 0 || a.Department!.Length > 0).ToList();
        var request = new RegistrationRequest(V("kind"), V("name"), V("idScheme"), V("idValue"), V("address"), V("approvingBureau") is { Length: > 0 } b ? b : null,
            Contacts(), accounts, V("code").Trim(), await FileAsync(Licence), await FileAsync(Letter));
        var (receipt, refused) = await registrations.SubmitAsync(request, HttpContext.Source(), HttpContext.RequestAborted);
        if (receipt is null)
        {
            Refused = ModelState.Show(refused!, field => field.StartsWith("licence", StringComparison.Ordinal) ? nameof(Licence)
                : field.StartsWith("letter", StringComparison.Ordinal) ? nameof(Letter) : field);
            return Page();
        }
        Receipt = receipt;
        return Page();
    }

    private List<ContactData> Contacts() =>
        [.. Enumerable.Range(0, 2).Select(i => new ContactData(V($"contacts[{i}].name"), V($"contacts[{i}].mobile"), V($"contacts[{i}].email")))];

    private async Task<AttachmentInput?> FileAsync(IFormFile? file)
    {
        if (file is not { Length: > 0 }) return null;
        // One byte over the limit is enough for the service to refuse it by size, with its message.
        var length = (int)Math.Min(file.Length, Consent.ConsentLetters.MaxFileBytes + 1L);
        var content = new byte[length];
        await using (var stream = file.OpenReadStream())
        {
            await stream.ReadAtLeastAsync(content, length, throwOnEndOfStream: false, HttpContext.RequestAborted);
        }
        return new AttachmentInput(Path.GetFileName(file.FileName), Convert.ToBase64String(content));
    }
}
