using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Ses.Documents;
using Ses.Documents.Validation;
using Ses.Service.Accounts;
using Ses.Service.Calendar;
using Ses.Service.Counterparties;
using Ses.Service.Data;
using Ses.Service.Delivery;
using Ses.Service.Evidence;
using Ses.Service.Http;
using Ses.Service.Notifications;
using Ses.Service.Registrations;

namespace Ses.Service.CounterpartyChanges;

/// <summary>
/// 配置管理: a counterparty keeps its own registration up to date (确认函第二条第2项) — contacts and address at once, a new
/// name or identifier and another account after its supervising bureau approves (注册通知第二条第（四）项) — and disables its
/// own accounts. The contacts are told of every change by SMS, the old ones too when the contacts change.
/// </summary>
public sealed class CounterpartyChangeService(SesDbContext db, DocumentEngine engine, NotificationOutbox outbox, TimeProvider time)
{
    /// <summary>The counterparty's data, accounts and changes.</summary>
    public async Task<MySettings?> SettingsAsync(Guid counterpartyId, CancellationToken ct)
    {
        var c = await db.Counterparties.AsNoTracking().SingleOrDefaultAsync(x => x.Id == counterpartyId, ct);
        if (c is null) return null;
        var accounts = (await db.CounterpartyAccounts.AsNoTracking().Where(a => a.CounterpartyId == counterpartyId).ToListAsync(ct))
            .OrderBy(a => a.UserName, StringComparer.Ordinal).Select(AccountResponse.From).ToList();
        var changes = (await db.CounterpartyChanges.AsNoTracking().Where(x => x.CounterpartyId == counterpartyId).ToListAsync(ct))
            .OrderByDescending(x => x.RequestedAt).Select(x => View(x, c.Name)).ToList();
        return new MySettings(CounterpartyResponse.From(c), accounts, changes);
    }

    /// <summary>
    /// The data as the counterparty wants it. Contacts and address apply at once; a new name or identifier waits for the
    /// bureau (one such change at a time). Nothing changes when any value is refused.
    /// </summary>
    public async Task<(DetailsResult? Result, Refusal? Refused)> DetailsAsync(Guid counterpartyId, DetailsChange request, string account,
        string source, CancellationToken ct)
    {
        var c = await db.Counterparties.SingleOrDefaultAsync(x => x.Id == counterpartyId, ct);
        if (c is null) return (null, Refusal.NotFound);
        var contacts = request.Contacts ?? [new(c.Contact1Name, c.Contact1Mobile, c.Contact1Email), new(c.Contact2Name, c.Contact2Mobile, c.Contact2Email)];
        var wanted = new CounterpartyRequest(c.Kind, request.Name?.Trim() ?? c.Name, c.IdScheme, request.IdValue ?? c.IdValue, request.Address ?? c.Address,
            contacts);
        var problems = CounterpartyRules.Check(wanted);
        foreach (var (field, label, value) in new[] { ("name", "名称", wanted.Name), ("address", "地址", wanted.Address ?? "") })
        {
            if (value.Length > 0 && !problems.Any(p => p.Field == field) && EntryChecks.Text(engine, field, label, value, lineBreaks: false) is { } p)
            {
                problems.Add(p);
            }
        }
        if (problems.Count > 0) return (null, Refusal.Invalid(problems));

        var before = Contacts(c);
        var after = Contacts(wanted);
        var identityBefore = new Dictionary<string, string> { ["name"] = c.Name, ["idValue"] = c.IdValue };
        var identityAfter = new Dictionary<string, string> { ["name"] = wanted.Name.Trim(), ["idValue"] = Identifiers.Normalize(wanted.IdValue) };
        var contactsChanged = !before.OrderBy(x => x.Key).SequenceEqual(after.OrderBy(x => x.Key));
        var identityChanged = !identityBefore.OrderBy(x => x.Key).SequenceEqual(identityAfter.OrderBy(x => x.Key));
        if (!contactsChanged && !identityChanged)
        {
            return (null, Refusal.Invalid("details", ErrorCodes.CounterpartyChangeNothing, "「登记信息」：与现登记的相同，没有需要变更的内容"));
        }
        if (identityChanged)
        {
            if (await db.CounterpartyChanges.AnyAsync(x => x.CounterpartyId == c.Id && x.Kind == CounterpartyChangeKind.Identity
                && x.State == CounterpartyChangeState.Pending, ct))
            {
                return (null, Refusal.Conflict(ErrorCodes.CounterpartyChangePending, "名称或标识号码的变更正在等待监管局审核，审核后才能再次申请"));
            }
            var idValue = identityAfter["idValue"];
            if (await db.Counterparties.AnyAsync(x => x.Id != c.Id && x.IdScheme == c.IdScheme && x.IdValue == idValue, ct))
            {
                return (null, Refusal.Conflict(ErrorCodes.CounterpartyExists, "该标识号码的相对人已登记"));
            }
        }

        var now = time.GetUtcNow();
        var bureauName = DeliveryNotices.BureauName(engine, c.SupervisingBureau);
        CounterpartyChange? applied = null, pending = null;
        if (contactsChanged)
        {
            // The old contacts hear of it too: a change they did not make is a hijacked account.
            var old = Copy(c);
            (c.Address, c.Contact1Name, c.Contact1Mobile) = (after["address"], after["contact1Name"], after["contact1Mobile"]);
            c.Contact1Email = after["contact1Email"];
            (c.Contact2Name, c.Contact2Mobile, c.Contact2Email) = (after["contact2Name"], after["contact2Mobile"], after["contact2Email"]);
            applied = Add(c, CounterpartyChangeKind.Contacts, before, after, CounterpartyChangeState.Applied, account, now);
            var text = Notice(bureauName, $"贵单位在 SES 的联系人或地址已由账号 {account} 变更。如非贵单位所为，请立即与监管局联系。");
            outbox.EnqueueForCounterparty(old, NotificationKind.Alert, text);
            outbox.EnqueueForCounterparty(c, NotificationKind.Alert, text);
        }
        if (identityChanged)
        {
            pending = Add(c, CounterpartyChangeKind.Identity, identityBefore, identityAfter, CounterpartyChangeState.Pending, account, now);
            outbox.EnqueueForCounterparty(c, NotificationKind.Alert,
                Notice(bureauName, $"贵单位提交的名称或标识号码变更已收到，待监管局审核；审核前仍以原登记信息为准。"));
        }
        db.AuditEntries.Add(EvidenceEntries.Audit(now, AccountActor(account), "counterparty.changed", c.IdValue, source));
        await db.SaveChangesAsync(ct);
        return (new DetailsResult(applied is null ? null : View(applied, c.Name), pending is null ? null : View(pending, c.Name)), null);
    }

    /// <summary>Asks for another account; the bureau approves it, and its initial password goes to the contacts by SMS.</summary>
    public async Task<(CounterpartyChangeView? Change, Refusal? Refused)> AccountRequestAsync(Guid counterpartyId, AccountRequest request, string account,
        string source, CancellationToken ct)
    {
        var c = await db.Counterparties.AsNoTracking().SingleOrDefaultAsync(x => x.Id == counterpartyId, ct);
        if (c is null) return (null, Refusal.NotFound);
        var problems = new List<Problem>();
        if (CounterpartyRules.CheckAccountName(request.UserName) is { } p) problems.Add(p);
        var department = request.Department?.Trim() ?? "";
        if (department.Length is 0 or > 64) problems.Add(new("department", ErrorCodes.FieldRequired, "「绑定部门」必须填写，且不超过 64 字"));
        else if (EntryChecks.Text(engine, "department", "绑定部门", department, lineBreaks: false) is { } d) problems.Add(d);
        if (problems.Count > 0) return (null, Refusal.Invalid(problems));
        if (await NameTakenAsync(request.UserName, ct)) return (null, Refusal.Conflict(ErrorCodes.AccountExists, "账号名称已被使用或已有人申请"));
        var now = time.GetUtcNow();
        var change = Add(c, CounterpartyChangeKind.Account, [], new() { ["userName"] = request.UserName, ["department"] = department },
            CounterpartyChangeState.Pending, account, now);
        db.AuditEntries.Add(EvidenceEntries.Audit(now, AccountActor(account), "account.requested", request.UserName, source));
        await db.SaveChangesAsync(ct);
        return (View(change, c.Name), null);
    }

    /// <summary>
    /// Disables one of the counterparty's own accounts: its sign-ins end at once. The last active account is kept — without
    /// one nothing can be served electronically; ending electronic service is done by withdrawing the 确认函 in writing.
    /// </summary>
    public async Task<(AccountResponse? Account, Refusal? Refused)> DisableAsync(Guid counterpartyId, Guid accountId, string account, string source,
        CancellationToken ct)
    {
        var target = await db.CounterpartyAccounts.SingleOrDefaultAsync(a => a.Id == accountId && a.CounterpartyId == counterpartyId && a.Active, ct);
        if (target is null) return (null, Refusal.NotFound);
        if (!await db.CounterpartyAccounts.AnyAsync(a => a.CounterpartyId == counterpartyId && a.Active && a.Id != accountId, ct))
        {
            return (null, Refusal.Conflict(ErrorCodes.AccountLastActive,
                "这是贵单位最后一个可用账号，不能停用；如需停止电子送达，请书面撤回《关于使用民航行业监管执法信息系统（SES）的确认函》"));
        }
        target.Active = false;
        target.SecurityStamp = SecurityStamps.New();
        db.AuditEntries.Add(EvidenceEntries.Audit(time.GetUtcNow(), AccountActor(account), "account.disabled", target.UserName, source));
        await db.SaveChangesAsync(ct);
        return (AccountResponse.From(target), null);
    }

    /// <summary>The bureau's changes waiting for review, oldest first.</summary>
    public async Task<List<CounterpartyChangeView>> PendingAsync(string bureau, CancellationToken ct)
    {
        var changes = await db.CounterpartyChanges.AsNoTracking().Where(x => x.Bureau == bureau && x.State == CounterpartyChangeState.Pending)
            .ToListAsync(ct);
        var ids = changes.Select(x => x.CounterpartyId).Distinct().ToList();
        var names = await db.Counterparties.AsNoTracking().Where(c => ids.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Name, ct);
        return changes.OrderBy(x => x.RequestedAt).Select(x => View(x, names[x.CounterpartyId])).ToList();
    }

    /// <summary>
    /// Approves or rejects a change waiting for review. An approved name or identifier replaces the registered one (the
    /// values before stay in the change); an approved account is opened with a random initial password sent by SMS to
    /// the contacts, to be changed at the first sign-in (注册通知第三条第（一）项).
    /// </summary>
    public async Task<(CounterpartyChangeView? Change, Refusal? Refused)> DecideAsync(Guid id, ChangeDecision decision, string bureau, string actor,
        string source, CancellationToken ct)
    {
        var change = await db.CounterpartyChanges.SingleOrDefaultAsync(x => x.Id == id && x.Bureau == bureau, ct);
        if (change is null) return (null, Refusal.NotFound);
        if (change.State != CounterpartyChangeState.Pending)
        {
            return (null, Refusal.Conflict(ErrorCodes.CounterpartyChangeState, $"该申请已处理（{CounterpartyChangeState.Label(change.State)}）"));
        }
        var reason = decision.Reason?.Trim();
        if (!decision.Approve && (string.IsNullOrEmpty(reason) || reason.Length > 200))
        {
            return (null, Refusal.Invalid("reason", ErrorCodes.FieldRequired, "「不予批准的理由」必须填写，且不超过 200 字"));
        }
        var c = await db.Counterparties.SingleAsync(x => x.Id == change.CounterpartyId, ct);
        var after = JsonSerializer.Deserialize<Dictionary<string, string>>(change.AfterJson)!;
        var now = time.GetUtcNow();
        var bureauName = DeliveryNotices.BureauName(engine, bureau);
        string text;
        if (!decision.Approve)
        {
            text = $"贵单位申请的{CounterpartyChangeKind.Label(change.Kind)}未获批准，理由：{reason}。";
        }
        else if (change.Kind == CounterpartyChangeKind.Identity)
        {
            if (await db.Counterparties.AnyAsync(x => x.Id != c.Id && x.IdScheme == c.IdScheme && x.IdValue == after["idValue"], ct))
            {
                return (null, Refusal.Conflict(ErrorCodes.CounterpartyExists, "该标识号码的相对人已登记"));
            }
            (c.Name, c.IdValue) = (after["name"], after["idValue"]);
            text = $"贵单位的名称和标识号码变更已获批准，现登记为：{c.Name}（{IdSchemes.Label(c.IdScheme)} {c.IdValue}）。";
        }
        else
        {
            if (await NameTakenAsync(after["userName"], ct, exceptChange: change.Id))
            {
                return (null, Refusal.Conflict(ErrorCodes.AccountExists, "账号名称已被使用"));
            }
            var password = Passwords.Random();
            db.CounterpartyAccounts.Add(new CounterpartyAccount
            {
                Id = Guid.CreateVersion7(now), CounterpartyId = c.Id, UserName = after["userName"], Department = after["department"],
                PasswordHash = Passwords.Hash(password), MustChangePassword = true, CreatedAt = now,
            });
            db.AuditEntries.Add(EvidenceEntries.Audit(now, actor, "account.created", after["userName"], source));
            text = $"贵单位申请的 SES 账号 {after["userName"]}（{after["department"]}）已开通，初始密码 {password}，首次登录须修改。";
        }
        change.State = decision.Approve ? CounterpartyChangeState.Approved : CounterpartyChangeState.Rejected;
        (change.DecidedBy, change.DecidedAt, change.Reason) = (actor, now, decision.Approve ? null : reason);
        outbox.EnqueueForCounterparty(c, NotificationKind.Alert, Notice(bureauName, text));
        db.AuditEntries.Add(EvidenceEntries.Audit(now, actor, decision.Approve ? "counterparty-change.approved" : "counterparty-change.rejected",
            c.IdValue, source));
        await db.SaveChangesAsync(ct);
        return (View(change, c.Name), null);
    }

    private async Task<bool> NameTakenAsync(string userName, CancellationToken ct, Guid? exceptChange = null) =>
        await db.CounterpartyAccounts.AnyAsync(a => a.UserName == userName, ct)
        || await db.StaffUsers.AnyAsync(u => u.UserName == userName, ct)
        // Names asked for by registrations still before their office.
        || await db.RegistrationAccounts.Where(a => a.UserName == userName)
            .Join(db.Registrations.Where(r => r.State == RegistrationState.Submitted || r.State == RegistrationState.MoreRequested),
                a => a.RegistrationId, r => r.Id, (a, r) => a.Id).AnyAsync(ct)
        || (await db.CounterpartyChanges.AsNoTracking()
            .Where(x => x.Kind == CounterpartyChangeKind.Account && x.State == CounterpartyChangeState.Pending && x.Id != exceptChange)
            .Select(x => x.AfterJson).ToListAsync(ct))
            .Any(json => JsonSerializer.Deserialize<Dictionary<string, string>>(json)?.GetValueOrDefault("userName") == userName);

    private CounterpartyChange Add(Counterparty c, string kind, Dictionary<string, string> before, Dictionary<string, string> after, string state,
        string account, DateTimeOffset now)
    {
        var change = new CounterpartyChange
        {
            Id = Guid.CreateVersion7(now), CounterpartyId = c.Id, Bureau = c.SupervisingBureau, Kind = kind, State = state, RequestedBy = account,
            RequestedAt = now, BeforeJson = JsonSerializer.Serialize(before), AfterJson = JsonSerializer.Serialize(after),
        };
        db.CounterpartyChanges.Add(change);
        return change;
    }

    private static Dictionary<string, string> Contacts(Counterparty c) => new()
    {
        ["address"] = c.Address, ["contact1Name"] = c.Contact1Name, ["contact1Mobile"] = c.Contact1Mobile, ["contact1Email"] = c.Contact1Email,
        ["contact2Name"] = c.Contact2Name, ["contact2Mobile"] = c.Contact2Mobile, ["contact2Email"] = c.Contact2Email,
    };

    private static Dictionary<string, string> Contacts(CounterpartyRequest r) => new()
    {
        ["address"] = r.Address?.Trim() ?? "",
        ["contact1Name"] = r.Contacts[0].Name.Trim(), ["contact1Mobile"] = Identifiers.Normalize(r.Contacts[0].Mobile),
        ["contact1Email"] = r.Contacts[0].Email?.Trim() ?? "",
        ["contact2Name"] = r.Contacts[1].Name.Trim(), ["contact2Mobile"] = Identifiers.Normalize(r.Contacts[1].Mobile),
        ["contact2Email"] = r.Contacts[1].Email?.Trim() ?? "",
    };

    private static Counterparty Copy(Counterparty c) => new()
    {
        Id = c.Id, Kind = c.Kind, Name = c.Name, IdScheme = c.IdScheme, IdValue = c.IdValue, SupervisingBureau = c.SupervisingBureau,
        Contact1Name = c.Contact1Name, Contact1Mobile = c.Contact1Mobile, Contact1Email = c.Contact1Email,
        Contact2Name = c.Contact2Name, Contact2Mobile = c.Contact2Mobile, Contact2Email = c.Contact2Email,
    };

    private static NotificationContent Notice(string bureauName, string text) =>
        new($"【{bureauName}】{text}", $"{bureauName}：SES 登记信息", $"{text}\n\n本邮件由系统发送，请勿回复。");

    private static string AccountActor(string account) => "account:" + account;

    /// <summary>The labels people read for the stored keys; mobile numbers masked.</summary>
    private static readonly Dictionary<string, string> Labels = new()
    {
        ["name"] = "名称", ["idValue"] = "标识号码", ["address"] = "地址", ["contact1Name"] = "联系人一", ["contact1Mobile"] = "联系人一手机",
        ["contact1Email"] = "联系人一邮箱", ["contact2Name"] = "联系人二", ["contact2Mobile"] = "联系人二手机", ["contact2Email"] = "联系人二邮箱",
        ["userName"] = "账号名称", ["department"] = "绑定部门",
    };

    public static CounterpartyChangeView View(CounterpartyChange x, string counterpartyName) => new(
        x.Id, x.CounterpartyId, counterpartyName, x.Kind, CounterpartyChangeKind.Label(x.Kind), x.State, CounterpartyChangeState.Label(x.State),
        Shown(x.BeforeJson), Shown(x.AfterJson), x.RequestedBy, x.RequestedAt.ToOffset(LegalDates.Beijing), x.DecidedBy,
        x.DecidedAt?.ToOffset(LegalDates.Beijing), x.Reason);

    private static Dictionary<string, string> Shown(string json) =>
        (JsonSerializer.Deserialize<Dictionary<string, string>>(json) ?? []).ToDictionary(
            kv => Labels.GetValueOrDefault(kv.Key, kv.Key),
            kv => kv.Key.EndsWith("Mobile", StringComparison.Ordinal) && kv.Value.Length > 0 ? RecipientMask.Mobile(kv.Value) : kv.Value);
}
