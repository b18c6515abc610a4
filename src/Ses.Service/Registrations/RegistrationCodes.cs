using System.Globalization;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Ses.Documents.Validation;
using Ses.Service.Accounts;
using Ses.Service.Calendar;
using Ses.Service.Data;
using Ses.Service.Http;
using Ses.Service.Notifications;

namespace Ses.Service.Registrations;

/// <summary>
/// One-time SMS codes proving the registrant holds the first contact's mobile (注册通知附件2第2项: 手机号码和短信验证码):
/// sent through the notification outbox, stored as a hash, valid for <see cref="Lifetime"/>, dead after
/// <see cref="MaxTries"/> wrong tries or once used; a new code replaces the mobile's earlier ones.
/// </summary>
public sealed class RegistrationCodes(SesDbContext db, NotificationOutbox outbox, RegistrationThrottles throttles, TimeProvider time)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    public const int MaxTries = 5;

    /// <summary>Sends a new code to the mobile asked for; refused over the limits per mobile and per address.</summary>
    public async Task<(CodeSent? Sent, Refusal? Refused)> SendAsync(CodeRequest request, string source, CancellationToken ct)
    {
        // The limit per mobile counts the phone, however its number is written.
        if (Identifiers.Mobile(request.Mobile ?? "") is not { } mobile)
        {
            return (null, Refusal.Invalid([Identifiers.CheckMobile(Identifiers.Normalize(request.Mobile ?? ""), "mobile", "手机号码")!]));
        }
        if (!await throttles.TakeAsync(RegistrationThrottles.CodesPerAddress, source, ct)
            || !await throttles.TakeAsync(RegistrationThrottles.CodesPerMobile, mobile, ct))
        {
            return (null, RegistrationThrottles.TooMany);
        }
        var now = time.GetUtcNow();
        var code = RandomNumberGenerator.GetInt32(0, 1_000_000).ToString("D6", CultureInfo.InvariantCulture);
        await Transactions.WriteAsync(db, async () =>
        {
            await db.RegistrationCodes.Where(c => c.Mobile == mobile && c.UsedAt == null).ExecuteUpdateAsync(s => s.SetProperty(c => c.UsedAt, now), ct);
            // Codes a day past their expiry tell nobody anything.
            var old = now - TimeSpan.FromDays(1);
            await db.RegistrationCodes.Where(c => c.ExpiresAt < old).ExecuteDeleteAsync(ct);
            db.RegistrationCodes.Add(new RegistrationCode
            {
                Id = Guid.CreateVersion7(now), Mobile = mobile, CodeHash = Passwords.Hash(code), CreatedAt = now, ExpiresAt = now + Lifetime,
            });
            outbox.Enqueue(NotificationKind.Alert, NotificationChannel.Sms, mobile, "", "",
                body: $"【民航行业监管执法信息系统】您的相对人注册验证码为 {code}，{Lifetime.TotalMinutes:0} 分钟内有效。如非本人操作，请忽略本短信。");
            return await db.SaveChangesAsync(ct);
        }, ct);
        return (new CodeSent(RecipientMask.Mobile(mobile), (now + Lifetime).ToOffset(LegalDates.Beijing)), null);
    }

    /// <summary>
    /// Checks the code given for <paramref name="mobile"/> without using it: null when it holds, else the problem (a wrong code
    /// counts as a try, saved at once).
    /// </summary>
    public async Task<(RegistrationCode? Code, Problem? Problem)> CheckAsync(string mobile, string? given, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var code = await db.RegistrationCodes.AsNoTracking().Where(c => c.Mobile == mobile && c.UsedAt == null && c.ExpiresAt > now)
            .OrderByDescending(c => c.CreatedAt).FirstOrDefaultAsync(ct);
        if (code is null)
        {
            return (null, new("code", ErrorCodes.RegistrationCodeExpired, "「短信验证码」已失效或尚未获取，请重新获取验证码"));
        }
        if (code.Tries >= MaxTries)
        {
            return (null, new("code", ErrorCodes.RegistrationCodeTries, $"「短信验证码」已输错 {MaxTries} 次，请重新获取验证码"));
        }
        if (string.IsNullOrEmpty(given) || given.Length != 6 || !given.All(char.IsAsciiDigit) || !Passwords.Verify(code.CodeHash, given))
        {
            // One conditional UPDATE per wrong try: parallel guesses cannot try more than the limit.
            var counted = await db.RegistrationCodes.Where(c => c.Id == code.Id && c.Tries < MaxTries)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.Tries, c => c.Tries + 1), ct);
            return (null, counted == 1
                ? new("code", ErrorCodes.RegistrationCodeInvalid, "「短信验证码」不正确")
                : new("code", ErrorCodes.RegistrationCodeTries, $"「短信验证码」已输错 {MaxTries} 次，请重新获取验证码"));
        }
        return (code, null);
    }

    /// <summary>Uses the code in the caller's transaction; false when another request used it first.</summary>
    public async Task<bool> UseAsync(RegistrationCode code, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        return await db.RegistrationCodes.Where(c => c.Id == code.Id && c.UsedAt == null).ExecuteUpdateAsync(s => s.SetProperty(c => c.UsedAt, now), ct) == 1;
    }
}
