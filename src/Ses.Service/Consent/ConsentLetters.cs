using System.Globalization;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Ses.Documents.Validation;
using Ses.Service.Calendar;
using Ses.Service.Counterparties;
using Ses.Service.Data;
using Ses.Service.Evidence;
using Ses.Service.Http;
using Ses.Service.Storage;
using Ses.Service.Submissions;

namespace Ses.Service.Consent;

/// <summary>
/// The confirmation letters (确认函) of counterparties: recorded by the supervising bureau's administrator once the signed
/// and sealed original has been checked (注册通知第二条第（三）项、第（四）项), withdrawn when consent ends, and asked whether a
/// counterparty can be served electronically at all. Each change is an evidence entry holding the scan's SHA-256.
/// </summary>
public sealed class ConsentLetters(SesDbContext db, IFileStore files, TimeProvider time)
{
    public const int MaxFileBytes = 10 * 1024 * 1024;

    public const string Superseded = "已由新的确认函取代";

    private static readonly Dictionary<string, string> Types = new(StringComparer.OrdinalIgnoreCase)
    {
        [".pdf"] = "application/pdf", [".jpg"] = "image/jpeg", [".jpeg"] = "image/jpeg", [".png"] = "image/png",
    };

    /// <summary>The letter in force for a counterparty, or null.</summary>
    public Task<ConsentLetter?> CurrentAsync(Guid counterpartyId, CancellationToken ct) => Current.For(db)(db, counterpartyId, ct);

    // Read by every service (Data/CompiledPerModel).
    private static readonly CompiledPerModel<Func<SesDbContext, Guid, CancellationToken, Task<ConsentLetter?>>> Current = new(() =>
        EF.CompileAsyncQuery((SesDbContext db, Guid counterpartyId, CancellationToken ct) => db.ConsentLetters.AsNoTracking()
            .Where(l => l.CounterpartyId == counterpartyId && l.EndedAt == null).OrderByDescending(l => l.VerifiedAt).FirstOrDefault()));

    /// <summary>Every letter of the counterparty, newest first.</summary>
    public async Task<List<ConsentLetter>> HistoryAsync(Guid counterpartyId, CancellationToken ct) =>
        (await db.ConsentLetters.AsNoTracking().Where(l => l.CounterpartyId == counterpartyId).ToListAsync(ct))
            .OrderByDescending(l => l.VerifiedAt).ThenBy(l => l.EndReason == Superseded).ToList();

    /// <summary>
    /// Whether documents can be served on the counterparty electronically: it needs an active SES account and a verified
    /// letter in force. The reason says, in Chinese, what is missing (the officer is told to serve on paper).
    /// </summary>
    public async Task<ElectronicService> ElectronicServiceAsync(Guid counterpartyId, CancellationToken ct) =>
        await ElectronicServiceAsync(counterpartyId, await db.CounterpartyAccounts.AnyAsync(a => a.CounterpartyId == counterpartyId && a.Active, ct), ct);

    /// <summary>As <see cref="ElectronicServiceAsync(Guid, CancellationToken)"/>, for a caller that has read the active accounts already.</summary>
    public async Task<ElectronicService> ElectronicServiceAsync(Guid counterpartyId, bool hasActiveAccount, CancellationToken ct)
    {
        var letter = await CurrentAsync(counterpartyId, ct);
        var shown = letter is null ? null : ConsentLetterResponse.From(letter);
        if (!hasActiveAccount)
        {
            return new(false, ErrorCodes.ServeNoAccount, "相对人没有可用的 SES 账号，只能纸质送达", shown);
        }
        return letter is null
            ? new(false, ErrorCodes.ServeNoConsent, "相对人的《关于使用民航行业监管执法信息系统（SES）的确认函》尚未经核验，只能纸质送达", null)
            : new(true, null, $"相对人于{Chinese(letter.SignedOn)}签署的确认函已经核验，可以电子送达", shown);
    }

    /// <summary>Records a verified letter of a counterparty the bureau supervises; the letter in force before it is superseded.</summary>
    public async Task<(ConsentLetter? Letter, Refusal? Refused)> RecordAsync(Guid counterpartyId, ConsentLetterRequest request, string bureau,
        string actor, string source, CancellationToken ct)
    {
        var counterparty = await db.Counterparties.AsNoTracking().SingleOrDefaultAsync(c => c.Id == counterpartyId && c.SupervisingBureau == bureau, ct);
        if (counterparty is null) return (null, Refusal.NotFound);
        var now = time.GetUtcNow();
        var problems = new List<Problem>();
        if (request.SignedOn is not { } signedOn)
        {
            problems.Add(new("signedOn", ErrorCodes.FieldRequired, "「确认函落款日期」必须填写"));
        }
        else if (signedOn > LegalDates.BeijingDate(now))
        {
            problems.Add(new("signedOn", ErrorCodes.ConsentDateInFuture, "「确认函落款日期」不能晚于今天"));
        }
        var file = Check(request.File, problems);
        if (problems.Count > 0 || file is null) return (null, Refusal.Invalid(problems));

        await files.PutAsync(file.Content, ct);
        var letter = await EvidenceLog.WriteAsync(db, async chain =>
        {
            foreach (var old in await db.ConsentLetters.Where(l => l.CounterpartyId == counterpartyId && l.EndedAt == null).ToListAsync(ct))
            {
                (old.EndedAt, old.EndedBy, old.EndReason) = (now, actor, Superseded);
            }
            var letter = new ConsentLetter
            {
                Id = Guid.CreateVersion7(now), CounterpartyId = counterpartyId, Bureau = bureau, SignedOn = request.SignedOn!.Value,
                FileName = file.Name, FileSize = file.Content.Length, ContentType = file.ContentType, FileSha256 = file.Sha256,
                VerifiedBy = actor, VerifiedAt = now,
            };
            db.ConsentLetters.Add(letter);
            db.AuditEntries.Add(EvidenceEntries.Audit(now, actor, "consent.verified", counterparty.IdValue, source));
            await chain.AppendAsync(EvidenceEntries.ForFile(Subject(counterparty), file.Sha256, EvidenceEvents.ConsentVerified, "consent-verified",
                actor, now, new()
            {
                ["counterparty"] = counterparty.Name,
                ["identifier"] = counterparty.IdValue,
                ["signedOn"] = letter.SignedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                ["fileName"] = letter.FileName,
            }), ct);
            return letter;
        }, ct);
        return (letter, null);
    }

    /// <summary>Ends the letter in force: from now on the counterparty is served on paper only, until a new letter is verified.</summary>
    public async Task<(ConsentLetter? Letter, Refusal? Refused)> WithdrawAsync(Guid counterpartyId, ConsentWithdrawal request, string bureau,
        string actor, string source, CancellationToken ct)
    {
        var counterparty = await db.Counterparties.AsNoTracking().SingleOrDefaultAsync(c => c.Id == counterpartyId && c.SupervisingBureau == bureau, ct);
        if (counterparty is null) return (null, Refusal.NotFound);
        var reason = request.Reason?.Trim();
        if (string.IsNullOrEmpty(reason) || reason.Length > 200)
        {
            return (null, Refusal.Invalid("reason", ErrorCodes.FieldRequired, "「撤销原因」必须填写，且不超过 200 字"));
        }
        var now = time.GetUtcNow();
        return await EvidenceLog.WriteAsync(db, async chain =>
        {
            var letter = await db.ConsentLetters.Where(l => l.CounterpartyId == counterpartyId && l.EndedAt == null)
                .OrderByDescending(l => l.VerifiedAt).FirstOrDefaultAsync(ct);
            if (letter is null) return (null, Refusal.Conflict(ErrorCodes.ConsentNone, "相对人没有有效的确认函，无需撤销"));
            (letter.EndedAt, letter.EndedBy, letter.EndReason) = (now, actor, reason);
            db.AuditEntries.Add(EvidenceEntries.Audit(now, actor, "consent.withdrawn", counterparty.IdValue, source));
            await chain.AppendAsync(EvidenceEntries.ForFile(Subject(counterparty), letter.FileSha256, EvidenceEvents.ConsentWithdrawn, "consent-withdrawn",
                actor, now, new() { ["counterparty"] = counterparty.Name, ["identifier"] = counterparty.IdValue, ["reason"] = reason }), ct);
            return ((ConsentLetter?)letter, (Refusal?)null);
        }, ct);
    }

    /// <summary>The scan of one of the counterparty's letters, for staff of its supervising bureau.</summary>
    public async Task<(ConsentLetter Letter, byte[] Content)?> FileAsync(Guid counterpartyId, Guid letterId, string bureau, CancellationToken ct)
    {
        if (!await db.Counterparties.AnyAsync(c => c.Id == counterpartyId && c.SupervisingBureau == bureau, ct)) return null;
        var letter = await db.ConsentLetters.AsNoTracking().SingleOrDefaultAsync(l => l.Id == letterId && l.CounterpartyId == counterpartyId, ct);
        return letter is not null && await files.GetAsync(letter.FileSha256, ct) is { } content ? (letter, content) : null;
    }

    /// <summary>The date as written on letters: 2026年3月2日.</summary>
    public static string Chinese(DateOnly d) => $"{d.Year}年{d.Month}月{d.Day}日";

    /// <summary>
    /// Checks the scan: a PDF, JPEG or PNG by its content, as its name says, at most <see cref="MaxFileBytes"/>. Another scan
    /// (a registration's business licence) is checked alike under its own <paramref name="field"/> and <paramref name="label"/>.
    /// </summary>
    public static UploadedFile? Check(AttachmentInput? input, List<Problem> problems, string field = "file", string label = "确认函扫描件",
        string missing = "请上传签字盖章的确认函扫描件（PDF、JPEG 或 PNG）")
    {
        var name = input?.Name?.Trim();
        if (string.IsNullOrEmpty(name) || string.IsNullOrEmpty(input?.Base64))
        {
            problems.Add(new(field, ErrorCodes.ConsentFileEmpty, missing));
            return null;
        }
        if (name.Length > 100 || name.Any(c => char.IsControl(c) || c is '/' or '\\'))
        {
            problems.Add(new($"{field}.name", ErrorCodes.ConsentFileName, $"{label}的文件名应在 100 个字符以内，不含路径或控制字符"));
            return null;
        }
        byte[] content;
        try
        {
            content = Convert.FromBase64String(input.Base64);
        }
        catch (FormatException)
        {
            problems.Add(new($"{field}.base64", ErrorCodes.FieldBase64, $"{label}应为 base64 编码的文件内容"));
            return null;
        }
        if (content.Length == 0)
        {
            problems.Add(new($"{field}.base64", ErrorCodes.ConsentFileEmpty, $"{label}「{name}」是空文件"));
            return null;
        }
        if (content.Length > MaxFileBytes)
        {
            problems.Add(new($"{field}.base64", ErrorCodes.ConsentFileSize, $"{label}不能超过 {MaxFileBytes / 1024 / 1024} MB（现为 {content.Length / 1024} KB）"));
            return null;
        }
        if (!Types.TryGetValue(Path.GetExtension(name), out var expected))
        {
            problems.Add(new($"{field}.name", ErrorCodes.ConsentFileType, $"{label}「{name}」的类型不被接受：只接受 PDF、JPEG 或 PNG 文件"));
            return null;
        }
        if (Attachments.Sniff(content) != expected)
        {
            problems.Add(new($"{field}.base64", ErrorCodes.ConsentFileContent, $"{label}「{name}」的内容与文件名不符，请检查后重新上传"));
            return null;
        }
        return new UploadedFile(name, content, expected, Convert.ToHexStringLower(SHA256.HashData(content)));
    }

    private static string Subject(Counterparty c) => $"确认函 {c.IdValue}";
}
