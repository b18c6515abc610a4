using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Ses.Service.Accounts;
using Ses.Service.Counterparties;
using Ses.Service.CounterpartyChanges;
using Ses.Service.Http;

namespace Ses.Service.Pages.Inbox;

/// <summary>
/// 配置管理: the counterparty's data kept up to date by itself (确认函第二条第2项), another account asked for, its own accounts
/// disabled — each through <see cref="CounterpartyChangeService"/>, as the API does.
/// </summary>
public sealed class SettingsModel(CounterpartyChangeService changes) : PageModel, IKeepsTypedData
{
    public MySettings Settings { get; private set; } = null!;

    public string? Refused { get; private set; }

    /// <summary>Which form the refusal belongs to: details, account or disable.</summary>
    public string? Section { get; private set; }

    /// <summary>The account whose disabling waits for confirmation.</summary>
    public AccountResponse? ToDisable { get; private set; }

    private Guid Counterparty => User.AccountCounterparty();

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ? Page() : NotFound();

    public async Task<IActionResult> OnPostDetailsAsync()
    {
        var f = Request.Form;
        var request = new DetailsChange(f["name"], f["idValue"], f["address"],
            [.. Enumerable.Range(0, 2).Select(i => new ContactData(f[$"contacts[{i}].name"].ToString(), f[$"contacts[{i}].mobile"].ToString(),
                f[$"contacts[{i}].email"].ToString()))]);
        var (result, refused) = await changes.DetailsAsync(Counterparty, request, User.UserName(), HttpContext.Source(), HttpContext.RequestAborted);
        if (result is null) return await RefuseAsync("details", refused!);
        TempData["Done"] = (result.Applied, result.Pending) switch
        {
            (not null, not null) => "联系人和地址已变更；名称或标识号码的变更已提交监管局审核。",
            (not null, null) => "联系人和地址已变更，已短信通知原联系人和现联系人。",
            _ => "名称或标识号码的变更已提交监管局审核；审核前仍以原登记信息为准。",
        };
        return Redirect("/inbox/settings");
    }

    public async Task<IActionResult> OnPostAccountAsync()
    {
        var f = Request.Form;
        var (change, refused) = await changes.AccountRequestAsync(Counterparty, new AccountRequest(f["userName"].ToString().Trim(), f["department"].ToString()),
            User.UserName(), HttpContext.Source(), HttpContext.RequestAborted);
        if (change is null) return await RefuseAsync("account", refused!);
        TempData["Done"] = $"账号 {change.After["账号名称"]} 的申请已提交监管局审核；批准后初始密码以短信发给联系人。";
        return Redirect("/inbox/settings");
    }

    public async Task<IActionResult> OnPostDisableAsync(Guid accountId, bool confirmed)
    {
        if (!confirmed)
        {
            if (!await LoadAsync()) return NotFound();
            ToDisable = Settings.Accounts.FirstOrDefault(a => a.Id == accountId && a.Active);
            return ToDisable is null ? NotFound() : Page();
        }
        var (account, refused) = await changes.DisableAsync(Counterparty, accountId, User.UserName(), HttpContext.Source(), HttpContext.RequestAborted);
        if (account is null) return await RefuseAsync("disable", refused!);
        TempData["Done"] = $"账号 {account.UserName} 已停用。";
        return Redirect("/inbox/settings");
    }

    private async Task<IActionResult> RefuseAsync(string section, Refusal refused)
    {
        if (refused.IsNotFound) return NotFound();
        Section = section;
        // "Nothing to change" concerns the whole form, not one field.
        Refused = refused.Problems.FirstOrDefault(p => p.Field == "details")?.Message ?? ModelState.Show(refused);
        return await LoadAsync() ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync()
    {
        if (await changes.SettingsAsync(Counterparty, HttpContext.RequestAborted) is not { } settings) return false;
        Settings = settings;
        return true;
    }
}
