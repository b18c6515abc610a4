using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Ses.Documents;
using Ses.Documents.Templates;
using Ses.Service.Consent;
using Ses.Service.Counterparties;
using Ses.Service.Http;
using Ses.Service.Registrations;
using Ses.Service.Submissions;

namespace Ses.Service.Pages.Registration;

/// <summary>
/// The registration form shared by the first submission and the amendment: the values typed (or, before anything is posted,
/// <see cref="Initial"/>), the SMS code, suggested account names, the pre-filled 确认函 and the scans as the API takes them.
/// </summary>
public abstract class RegistrationFormModel(RegistrationCodes codes, RegistrationLetters letters, RegistrationThrottles throttles, DocumentEngine engine)
    : PageModel, IKeepsTypedData
{
    /// <summary>How many account rows the form offers.</summary>
    public const int AccountRows = 3;

    public string? Refused { get; protected set; }

    public string? CodeSentTo { get; private set; }

    public IReadOnlyList<BureauProfile> Bureaus => [.. engine.Templates.Bureaus];

    [BindProperty]
    public IFormFile? Licence { get; set; }

    [BindProperty]
    public IFormFile? Letter { get; set; }

    /// <summary>The values shown before anything is posted (empty for a new registration).</summary>
    protected virtual IReadOnlyDictionary<string, string> Initial => new Dictionary<string, string>();

    /// <summary>The value of a field (the form's own names).</summary>
    public string V(string name) => Request.HasFormContentType ? Request.Form[name].ToString() : Initial.GetValueOrDefault(name, "");

    /// <summary>The account name typed, or the one suggested from the Chinese name and the department when none was.</summary>
    public string Suggested(int i) => V($"accounts[{i}].userName") is { Length: > 0 } typed || V($"accounts[{i}].department").Length == 0
        ? V($"accounts[{i}].userName")
        : AccountNames.Suggest(V("name"), V($"accounts[{i}].department"));

    public async Task<IActionResult> OnPostCodeAsync()
    {
        ModelState.Clear();
        var (sent, refused) = await codes.SendAsync(new CodeRequest(V("contacts[0].mobile")), HttpContext.Source(), HttpContext.RequestAborted);
        if (sent is null) Refused = ModelState.Show(refused!, field => field == "mobile" ? "contacts[0].mobile" : field);
        else CodeSentTo = sent.Mobile;
        return await ShowAsync();
    }

    /// <summary>Fills every empty account name with its suggestion (<see cref="Suggested"/>).</summary>
    public async Task<IActionResult> OnPostSuggestAsync()
    {
        ModelState.Clear();
        return await ShowAsync();
    }

    public async Task<IActionResult> OnPostLetterAsync()
    {
        ModelState.Clear();
        if (!await throttles.TakeAsync(RegistrationThrottles.LettersPerAddress, HttpContext.Source(), HttpContext.RequestAborted))
        {
            Refused = RegistrationThrottles.TooMany.Message;
            return await ShowAsync();
        }
        var (pdf, problems) = letters.Render(new LetterRequest(V("kind"), V("name"), V("idScheme"), V("idValue"), V("address"), Contacts()));
        if (pdf is not null) return File(pdf, "application/pdf", letters.FileName);
        Refused = ModelState.Show(Refusal.Invalid(problems));
        return await ShowAsync();
    }

    /// <summary>The page again, with what was typed (a subclass may need to load first).</summary>
    protected virtual Task<IActionResult> ShowAsync() => Task.FromResult<IActionResult>(Page());

    /// <summary>The registration as typed, with its scans (a scan not chosen is null).</summary>
    protected async Task<RegistrationRequest> RequestAsync()
    {
        var accounts = Enumerable.Range(0, AccountRows).Select(i => new RequestedAccount(V($"accounts[{i}].userName").Trim(), V($"accounts[{i}].department")))
            .Where((a, i) => i == 0 || a.UserName!.Length > 0 || a.Department!.Length > 0).ToList();
        return new RegistrationRequest(V("kind"), V("name"), V("idScheme"), V("idValue"), V("address"), V("approvingBureau") is { Length: > 0 } b ? b : null,
            Contacts(), accounts, V("code").Trim(), await FileAsync(Licence), await FileAsync(Letter));
    }

    /// <summary>Shows a refusal beside the form's fields (the scans by their inputs).</summary>
    protected void Refuse(Refusal refused) =>
        Refused = ModelState.Show(refused, field => field.StartsWith("licence", StringComparison.Ordinal) ? nameof(Licence)
            : field.StartsWith("letter", StringComparison.Ordinal) ? nameof(Letter) : field);

    private List<ContactData> Contacts() =>
        [.. Enumerable.Range(0, 2).Select(i => new ContactData(V($"contacts[{i}].name"), V($"contacts[{i}].mobile"), V($"contacts[{i}].email")))];

    private async Task<AttachmentInput?> FileAsync(IFormFile? file)
    {
        if (file is not { Length: > 0 }) return null;
        // One byte over the limit is enough for the service to refuse it by size, with its message.
        var length = (int)Math.Min(file.Length, ConsentLetters.MaxFileBytes + 1L);
        var content = new byte[length];
        await using (var stream = file.OpenReadStream())
        {
            await stream.ReadAtLeastAsync(content, length, throwOnEndOfStream: false, HttpContext.RequestAborted);
        }
        return new AttachmentInput(Path.GetFileName(file.FileName), Convert.ToBase64String(content));
    }
}
