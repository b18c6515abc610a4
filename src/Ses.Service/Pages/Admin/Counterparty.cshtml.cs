using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Ses.Service.Accounts;
using Ses.Service.Consent;
using Ses.Service.Counterparties;
using Ses.Service.Data;
using Ses.Service.Http;
using Ses.Service.Submissions;

namespace Ses.Service.Pages.Admin;

/// <summary>
/// One supervised counterparty: its accounts, opening one (the initial password shown once, on this answer only) and
/// disabling one — after a confirmation that says the account is signed out everywhere.
/// </summary>
public sealed class CounterpartyModel(CounterpartyAdmin admin, ConsentLetters consent, SesDbContext db) : PageModel, IKeepsTypedData
{
    /// <summary>Every confirmation letter of the counterparty, newest first.</summary>
    public IReadOnlyList<ConsentLetter> Letters { get; private set; } = [];

    public ElectronicService Electronic { get; private set; } = null!;

    public string? LetterRefused { get; private set; }

    [BindProperty]
    public string? SignedOn { get; set; }

    [BindProperty]
    public IFormFile? LetterFile { get; set; }

    [BindProperty]
    public string? WithdrawReason { get; set; }

    public Counterparty Counterparty { get; private set; } = null!;

    public IReadOnlyList<CounterpartyAccount> Accounts { get; private set; } = [];

    public (string UserName, string Password)? Created { get; private set; }

    public string? Refused { get; private set; }

    /// <summary>The account whose disabling waits for confirmation.</summary>
    public CounterpartyAccount? ToDisable { get; private set; }

    [BindProperty]
    public string? UserName { get; set; }

    [BindProperty]
    public string? Department { get; set; }

    private string Source => HttpContext.Source();

    public async Task<IActionResult> OnGetAsync(Guid id) => await LoadAsync(id) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAccountAsync(Guid id)
    {
        var (account, password, refused) = await admin.CreateAccountAsync(id, new AccountRequest(UserName?.Trim() ?? "", Department ?? ""), User.StaffBureau(),
            User.UserName(), Source, HttpContext.RequestAborted);
        if (refused?.IsNotFound == true) return NotFound();
        if (account is not null)
        {
            Created = (account.UserName, password!);
            UserName = Department = null;
        }
        else
        {
            Refused = ModelState.Show(refused!, field => field == "userName" ? nameof(UserName) : nameof(Department), whenFields: null);
        }
        return await LoadAsync(id) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostDisableAsync(Guid id, Guid accountId, bool confirmed)
    {
        if (!confirmed)
        {
            if (!await LoadAsync(id)) return NotFound();
            ToDisable = Accounts.FirstOrDefault(a => a.Id == accountId && a.Active);
            return ToDisable is null ? NotFound() : Page();
        }
        if (await admin.DisableAccountAsync(id, accountId, User.StaffBureau(), User.UserName(), Source, HttpContext.RequestAborted) is not { } account)
        {
            return NotFound();
        }
        TempData["Done"] = $"账号 {account.UserName} 已停用。";
        return Redirect($"/admin/counterparties/{id}");
    }

    /// <summary>Records the signed and sealed letter the administrator has checked (注册通知第二条第（三）项).</summary>
    public async Task<IActionResult> OnPostLetterAsync(Guid id)
    {
        DateOnly? on = null;
        if (!string.IsNullOrWhiteSpace(SignedOn))
        {
            if (DateOnly.TryParseExact(SignedOn.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) on = d;
            else ModelState.AddModelError(nameof(SignedOn), "「确认函落款日期」应为日期，如 2026-03-02");
        }
        AttachmentInput? file = null;
        if (LetterFile is { Length: > 0 })
        {
            // One byte over the limit is enough for the service to refuse it by size, with its message.
            var length = (int)Math.Min(LetterFile.Length, ConsentLetters.MaxFileBytes + 1L);
            var content = new byte[length];
            await using (var stream = LetterFile.OpenReadStream())
            {
                await stream.ReadAtLeastAsync(content, length, throwOnEndOfStream: false, HttpContext.RequestAborted);
            }
            file = new AttachmentInput(Path.GetFileName(LetterFile.FileName), Convert.ToBase64String(content));
        }
        if (ModelState.ErrorCount > 0)
        {
            LetterRefused = PageRefusals.SeeFields;
            return await LoadAsync(id) ? Page() : NotFound();
        }
        var (letter, refused) = await consent.RecordAsync(id, new ConsentLetterRequest(on, file), User.StaffBureau(), User.UserName(), Source,
            HttpContext.RequestAborted);
        if (refused?.IsNotFound == true) return NotFound();
        if (letter is null)
        {
            LetterRefused = ModelState.Show(refused!, field => field == "signedOn" ? nameof(SignedOn) : nameof(LetterFile), whenFields: null);
            return await LoadAsync(id) ? Page() : NotFound();
        }
        TempData["Done"] = $"确认函已登记为已核验（落款日期 {ConsentLetters.Chinese(letter.SignedOn)}）：可以电子送达。";
        return Redirect($"/admin/counterparties/{id}");
    }

    public async Task<IActionResult> OnPostWithdrawAsync(Guid id)
    {
        var (letter, refused) = await consent.WithdrawAsync(id, new ConsentWithdrawal(WithdrawReason), User.StaffBureau(), User.UserName(), Source,
            HttpContext.RequestAborted);
        if (refused?.IsNotFound == true) return NotFound();
        if (letter is null)
        {
            LetterRefused = ModelState.Show(refused!, _ => nameof(WithdrawReason), whenFields: null);
            return await LoadAsync(id) ? Page() : NotFound();
        }
        TempData["Done"] = "确认函已撤销：此后只能纸质送达，直至核验新的确认函。";
        return Redirect($"/admin/counterparties/{id}");
    }

    public async Task<IActionResult> OnGetLetterAsync(Guid id, Guid letterId) =>
        await consent.FileAsync(id, letterId, User.StaffBureau(), HttpContext.RequestAborted) is { } found
            ? File(found.Content, found.Letter.ContentType, found.Letter.FileName)
            : NotFound();

    private async Task<bool> LoadAsync(Guid id)
    {
        if (await admin.SupervisedAsync(id, User.StaffBureau(), HttpContext.RequestAborted) is not { } c) return false;
        Counterparty = c;
        Accounts = (await db.CounterpartyAccounts.AsNoTracking().Where(a => a.CounterpartyId == id).ToListAsync(HttpContext.RequestAborted))
            .OrderBy(a => a.UserName, StringComparer.Ordinal).ToList();
        Letters = await consent.HistoryAsync(id, HttpContext.RequestAborted);
        Electronic = await consent.ElectronicServiceAsync(id, HttpContext.RequestAborted);
        return true;
    }
}
