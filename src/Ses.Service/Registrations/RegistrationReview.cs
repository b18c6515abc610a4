using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Ses.Documents.Validation;
using Ses.Service.Calendar;
using Ses.Service.Consent;
using Ses.Service.Counterparties;
using Ses.Service.Data;
using Ses.Service.Evidence;
using Ses.Service.Http;
using Ses.Service.Notifications;
using Ses.Service.Storage;
using Ses.Service.Submissions;

namespace Ses.Service.Registrations;

/// <summary>
/// The office's review of the registrations its bureau owns (注册通知第二条第（三）项、第（四）项): the queue, one registration
/// with its scans, the receipt of the mailed originals, and approving (the counterparty, its accounts and its verified 确认函
/// in one transaction; the initial passwords to the contacts by SMS, to be changed at the first sign-in: 注册通知第三条第（一）项),
/// rejecting with a reason, or asking for more. Each step tells the contacts and is an evidence entry. Another bureau's
/// registrations are not found.
/// </summary>
public sealed class RegistrationReview(SesDbContext db, CounterpartyAdmin admin, ConsentLetters letters, RegistrationNotices notices,
    NotificationOutbox outbox, IFileStore files, TimeProvider time)
{
    /// <summary>The bureau's registrations, oldest first; by default those waiting (submitted or waiting for more).</summary>
    public async Task<(List<RegistrationSummary>? List, Refusal? Refused)> QueueAsync(string bureau, string? state, CancellationToken ct)
    {
        if (state is not null && !RegistrationState.All.Contains(state))
        {
            return (null, Refusal.Invalid("state", ErrorCodes.FieldChoiceUnknown, $"「状态」应为 {string.Join("、", RegistrationState.All)} 之一"));
        }
        var query = db.Registrations.AsNoTracking().Where(r => r.Bureau == bureau);
        query = state is null ? query.Where(r => r.PendingKey != null) : query.Where(r => r.State == state);
        return ((await query.ToListAsync(ct)).OrderBy(r => r.SubmittedAt)
            .Select(r => new RegistrationSummary(r.Id, r.Kind, r.Name, r.IdScheme, r.IdValue, r.Office, r.State, RegistrationState.Label(r.State),
                r.SubmittedAt.ToOffset(LegalDates.Beijing), r.OriginalReceivedOn)).ToList(), null);
    }

    public async Task<RegistrationView?> GetAsync(Guid id, string bureau, CancellationToken ct) =>
        await db.Registrations.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id && r.Bureau == bureau, ct) is { } r ? await ViewAsync(r, ct) : null;

    /// <summary>One of the registration's scans, for staff of its bureau.</summary>
    public async Task<(RegistrationFile File, byte[] Content)?> FileAsync(Guid id, Guid fileId, string bureau, CancellationToken ct)
    {
        if (!await db.Registrations.AnyAsync(r => r.Id == id && r.Bureau == bureau, ct)) return null;
        var file = await db.RegistrationFiles.AsNoTracking().SingleOrDefaultAsync(f => f.Id == fileId && f.RegistrationId == id, ct);
        return file is not null && await files.GetAsync(file.FileSha256, ct) is { } content ? (file, content) : null;
    }

    /// <summary>Records the day the mailed originals (the sealed licence copy and the signed 确认函) reached the office.</summary>
    public Task<(RegistrationView? View, Refusal? Refused)> ReceiveAsync(Guid id, OriginalReceipt request, string bureau, string actor, string source,
        CancellationToken ct) =>
        StepAsync(id, bureau, async (r, letterSha, chain, now) =>
        {
            if (!RegistrationState.IsPending(r.State)) return Refusal.Conflict(ErrorCodes.RegistrationState, $"注册申请{RegistrationState.Label(r.State)}");
            if (request.ReceivedOn is not { } day) return Refusal.Invalid("receivedOn", ErrorCodes.FieldRequired, "「原件收到日期」必须填写");
            if (day > LegalDates.BeijingDate(now)) return Refusal.Invalid("receivedOn", ErrorCodes.RegistrationDateInFuture, "「原件收到日期」不能晚于今天");
            (r.OriginalReceivedOn, r.OriginalReceivedBy, r.UpdatedAt) = (day, actor, now);
            db.AuditEntries.Add(EvidenceEntries.Audit(now, actor, "registration.original-received", r.IdValue, source));
            notices.Tell(r, $"{r.Office}已于{ConsentLetters.Chinese(day)}收到贵单位（{r.Name}）寄送的注册材料原件，正在核验。");
            await chain.AppendAsync(RegistrationNotices.Evidence(r, letterSha, EvidenceEvents.RegistrationOriginalReceived, "registration-original-received",
                actor, now, new() { ["receivedOn"] = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) }), ct);
            return null;
        }, ct);

    /// <summary>Asks the registrant for more; it amends the registration with its token.</summary>
    public Task<(RegistrationView? View, Refusal? Refused)> RequestMoreAsync(Guid id, RegistrationDecision request, string bureau, string actor,
        string source, CancellationToken ct) =>
        StepAsync(id, bureau, async (r, letterSha, chain, now) =>
        {
            if (r.State != RegistrationState.Submitted) return Refusal.Conflict(ErrorCodes.RegistrationState, $"注册申请{RegistrationState.Label(r.State)}");
            if (Reason(request.Reason, "「需补充的内容」") is { } refused) return refused;
            (r.State, r.Reason, r.UpdatedAt) = (RegistrationState.MoreRequested, request.Reason!.Trim(), now);
            db.AuditEntries.Add(EvidenceEntries.Audit(now, actor, "registration.more-requested", r.IdValue, source));
            notices.Tell(r, $"{r.Office}请贵单位（{r.Name}）补充注册材料：{r.Reason}。请使用提交时取得的凭证修改后重新提交。");
            await chain.AppendAsync(RegistrationNotices.Evidence(r, letterSha, EvidenceEvents.RegistrationMoreRequested, "registration-more-requested",
                actor, now, new() { ["reason"] = r.Reason }), ct);
            return null;
        }, ct);

    /// <summary>Rejects the registration; its identifier may be registered again.</summary>
    public Task<(RegistrationView? View, Refusal? Refused)> RejectAsync(Guid id, RegistrationDecision request, string bureau, string actor, string source,
        CancellationToken ct) =>
        StepAsync(id, bureau, async (r, letterSha, chain, now) =>
        {
            if (!RegistrationState.IsPending(r.State)) return Refusal.Conflict(ErrorCodes.RegistrationState, $"注册申请{RegistrationState.Label(r.State)}");
            if (Reason(request.Reason, "「不予通过的理由」") is { } refused) return refused;
            (r.State, r.PendingKey, r.Reason, r.DecidedBy, r.DecidedAt, r.UpdatedAt) =
                (RegistrationState.Rejected, null, request.Reason!.Trim(), actor, now, now);
            db.AuditEntries.Add(EvidenceEntries.Audit(now, actor, "registration.rejected", r.IdValue, source));
            notices.Tell(r, $"贵单位（{r.Name}）的 SES 注册申请未通过{r.Office}审核，理由：{r.Reason}。");
            await chain.AppendAsync(RegistrationNotices.Evidence(r, letterSha, EvidenceEvents.RegistrationRejected, "registration-rejected", actor, now,
                new() { ["reason"] = r.Reason }), ct);
            return null;
        }, ct);

    /// <summary>
    /// Approves the registration, all or nothing: the counterparty supervised by the bureau, every account asked for with a
    /// random initial password (sent by SMS to both contacts; changed at the first sign-in), and the uploaded 确认函 recorded
    /// as verified with the date the reviewer read off it, so the counterparty can be served electronically at once.
    /// </summary>
    public async Task<(RegistrationView? View, Refusal? Refused)> ApproveAsync(Guid id, RegistrationApproval request, string bureau, string actor,
        string source, CancellationToken ct)
    {
        var letterFile = await CurrentLetterAsync(id, bureau, ct);
        if (letterFile is null) return (null, Refusal.NotFound);
        var scan = await files.GetAsync(letterFile.FileSha256, ct)
            ?? throw new InvalidOperationException("a registration's letter is missing from the file store");
        return await StepAsync(id, bureau, async (r, letterSha, chain, now) =>
        {
            if (r.State != RegistrationState.Submitted) return Refusal.Conflict(ErrorCodes.RegistrationState, $"注册申请{RegistrationState.Label(r.State)}，不能审核通过");
            // 注册通知第二条第（三）项: the office verifies the originals before the registration is entered.
            if (r.OriginalReceivedOn is null)
            {
                return Refusal.Conflict(ErrorCodes.RegistrationOriginalMissing, "尚未收到营业执照/法人证书副本复印件和确认函原件，收到并核验后才能审核通过");
            }
            if (request.LetterSignedOn is not { } signedOn) return Refusal.Invalid("letterSignedOn", ErrorCodes.FieldRequired, "「确认函落款日期」必须填写");
            if (signedOn > LegalDates.BeijingDate(now))
            {
                return Refusal.Invalid("letterSignedOn", ErrorCodes.ConsentDateInFuture, "「确认函落款日期」不能晚于今天");
            }
            var contacts = new List<ContactData>
            {
                new(r.Contact1Name, r.Contact1Mobile, r.Contact1Email), new(r.Contact2Name, r.Contact2Mobile, r.Contact2Email),
            };
            var (c, refused) = await admin.CreateAsync(new CounterpartyRequest(r.Kind, r.Name, r.IdScheme, r.IdValue, r.Address, contacts), bureau, actor,
                source, ct);
            if (c is null) throw new RegistrationRollbackException(refused!);
            var opened = new List<string>();
            foreach (var a in (await db.RegistrationAccounts.AsNoTracking().Where(a => a.RegistrationId == r.Id).ToListAsync(ct)).OrderBy(a => a.Id))
            {
                var (account, password, no) = await admin.CreateAccountAsync(c.Id, new AccountRequest(a.UserName, a.Department), bureau, actor, source, ct);
                if (account is null) throw new RegistrationRollbackException(no!);
                opened.Add($"{account.UserName}（{account.Department}）初始密码 {password}");
            }
            var (letter, unverified) = await letters.RecordAsync(c.Id,
                new ConsentLetterRequest(signedOn, new AttachmentInput(letterFile.FileName, Convert.ToBase64String(scan))), bureau, actor, source, ct);
            if (letter is null) throw new RegistrationRollbackException(unverified!);
            (r.State, r.PendingKey, r.CounterpartyId, r.DecidedBy, r.DecidedAt, r.UpdatedAt, r.Reason) =
                (RegistrationState.Approved, null, c.Id, actor, now, now, null);
            db.AuditEntries.Add(EvidenceEntries.Audit(now, actor, "registration.approved", r.IdValue, source));
            outbox.EnqueueForCounterparty(c, NotificationKind.Alert, new NotificationContent(
                $"{RegistrationNotices.Sender}贵单位（{r.Name}）的 SES 注册已通过{r.Office}审核。账号：{string.Join("；", opened)}。首次登录后须修改密码。",
                "SES 相对人注册已通过审核", $"贵单位（{r.Name}）的 SES 注册已通过{r.Office}审核，账号和初始密码已通过短信发送至联系人手机。"));
            await chain.AppendAsync(RegistrationNotices.Evidence(r, letterSha, EvidenceEvents.RegistrationApproved, "registration-approved", actor, now,
                new()
                {
                    ["counterparty"] = c.Id.ToString("D", CultureInfo.InvariantCulture),
                    ["accounts"] = string.Join(",", opened.Select(o => o.Split('（')[0])),
                    ["letterSignedOn"] = signedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                }), ct);
            return null;
        }, ct);
    }

    /// <summary>
    /// Runs one review step in a transaction with its evidence: <paramref name="step"/> returns null when done, else the refusal
    /// (nothing is stored). Steps of other steps that refuse on the way throw <see cref="RegistrationRollbackException"/>.
    /// </summary>
    private async Task<(RegistrationView? View, Refusal? Refused)> StepAsync(Guid id, string bureau,
        Func<Registration, string, EvidenceChain, DateTimeOffset, Task<Refusal?>> step, CancellationToken ct)
    {
        Registration? done;
        try
        {
            (done, var refusal) = await EvidenceLog.WriteAsync(db, async chain =>
            {
                var r = await db.Registrations.SingleOrDefaultAsync(x => x.Id == id && x.Bureau == bureau, ct);
                if (r is null) return (null, Refusal.NotFound);
                var letter = await CurrentLetterAsync(id, bureau, ct);
                var refused = await step(r, letter!.FileSha256, chain, time.GetUtcNow());
                if (refused is not null) throw new RegistrationRollbackException(refused);
                r.Version++;
                return ((Registration?)r, (Refusal?)null);
            }, ct);
            if (refusal is not null) return (null, refusal);
        }
        catch (RegistrationRollbackException e)
        {
            db.ChangeTracker.Clear();
            return (null, e.Refused);
        }
        return (await ViewAsync(done!, ct), null);
    }

    private Task<RegistrationFile?> CurrentLetterAsync(Guid id, string bureau, CancellationToken ct) =>
        db.RegistrationFiles.AsNoTracking().Where(f => f.RegistrationId == id && f.Kind == RegistrationFileKind.Letter && f.SupersededAt == null
            && db.Registrations.Any(r => r.Id == id && r.Bureau == bureau)).SingleOrDefaultAsync(ct);

    private static Refusal? Reason(string? reason, string label) =>
        string.IsNullOrWhiteSpace(reason) || reason.Trim().Length > 500
            ? Refusal.Invalid("reason", ErrorCodes.FieldRequired, $"{label}必须填写，且不超过 500 字")
            : null;

    private async Task<RegistrationView> ViewAsync(Registration r, CancellationToken ct)
    {
        var accounts = (await db.RegistrationAccounts.AsNoTracking().Where(a => a.RegistrationId == r.Id).ToListAsync(ct)).OrderBy(a => a.Id)
            .Select(a => new RequestedAccount(a.UserName, a.Department)).ToList();
        var scans = (await db.RegistrationFiles.AsNoTracking().Where(f => f.RegistrationId == r.Id).ToListAsync(ct)).OrderBy(f => f.UploadedAt)
            .Select(f => new RegistrationFileView(f.Id, f.Kind, RegistrationFileKind.Label(f.Kind), f.FileName, f.ContentType, f.FileSize, f.FileSha256,
                f.UploadedAt.ToOffset(LegalDates.Beijing), f.SupersededAt is null)).ToList();
        return new RegistrationView(r.Id, r.Kind, r.Name, r.IdScheme, IdSchemes.Label(r.IdScheme), r.IdValue, r.Address, r.Bureau, r.Office,
            [new(r.Contact1Name, r.Contact1Mobile, r.Contact1Email), new(r.Contact2Name, r.Contact2Mobile, r.Contact2Email)], accounts, scans, r.State,
            RegistrationState.Label(r.State), r.SubmittedAt.ToOffset(LegalDates.Beijing), r.UpdatedAt.ToOffset(LegalDates.Beijing), r.OriginalReceivedOn,
            r.OriginalReceivedBy, r.DecidedBy, r.DecidedAt?.ToOffset(LegalDates.Beijing), r.Reason, r.CounterpartyId);
    }
}
