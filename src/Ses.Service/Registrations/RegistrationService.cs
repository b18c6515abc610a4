using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Ses.Documents;
using Ses.Documents.Validation;
using Ses.Service.Calendar;
using Ses.Service.Data;
using Ses.Service.Evidence;
using Ses.Service.Http;
using Ses.Service.Notifications;
using Ses.Service.Storage;

namespace Ses.Service.Registrations;

/// <summary>
/// The registrant's side of 《关于开展民航行业监管执法信息系统（SES）相对人注册工作的通知》第二条: submitting a registration
/// (the first contact's mobile proven by an SMS code), following it and amending it with the token given at submission when
/// the office asks for more. Nothing is stored unless every check passes; the scans are kept by their SHA-256.
/// </summary>
public sealed class RegistrationService(SesDbContext db, DocumentEngine engine, RegistrationChecks checks, RegistrationCodes codes,
    RegistrationThrottles throttles, RegistrationNotices notices, IFileStore files, TimeProvider time)
{
    /// <summary>Submits a registration; the answer holds the token (shown once) and the office that verifies it.</summary>
    public async Task<(RegistrationReceipt? Receipt, Refusal? Refused)> SubmitAsync(RegistrationRequest request, string source, CancellationToken ct)
    {
        if (!await throttles.TakeAsync(RegistrationThrottles.SubmissionsPerAddress, source, ct)) return (null, RegistrationThrottles.TooMany);
        var problems = new List<Problem>();
        var data = checks.Check(request, problems);
        var code = await CodeAsync(request, problems, ct);
        if (data is not null) await FreeAsync(data, null, problems, ct);
        if (problems.Count > 0 || data is null || code is null) return (null, Refusal.Invalid(problems));

        var token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var now = time.GetUtcNow();
        var r = new Registration
        {
            Id = Guid.CreateVersion7(now), Kind = data.Kind, Name = data.Name, IdScheme = data.IdScheme, IdValue = data.IdValue, Address = data.Address,
            Bureau = data.Bureau, Office = data.Office, Contact1Name = "", Contact1Mobile = "", Contact1Email = "", Contact2Name = "", Contact2Mobile = "",
            Contact2Email = "", State = RegistrationState.Submitted, PendingKey = data.PendingKey, TokenHash = Hash(token), Source = source, SubmittedAt = now,
            UpdatedAt = now,
        };
        Apply(r, data);
        var refused = await StoreAsync(data, async chain =>
        {
            if (!await codes.UseAsync(code, ct))
            {
                throw new RegistrationRollbackException(Refusal.Invalid("code", ErrorCodes.RegistrationCodeExpired, "「短信验证码」已被使用，请重新获取"));
            }
            db.Registrations.Add(r);
            AddFiles(r, data, now);
            db.AuditEntries.Add(EvidenceEntries.Audit(now, Actor(r), "registration.submitted", r.IdValue, source));
            notices.Tell(r, $"贵单位（{r.Name}）的 SES 注册申请已提交，由{r.Office}审核。请将加盖公章的营业执照/法人证书副本复印件和签字盖章的确认函原件寄送或递交{r.Office}核验。");
            await chain.AppendAsync(RegistrationNotices.Evidence(r, data.Letter!.Sha256, EvidenceEvents.RegistrationSubmitted, "registration-submitted",
                Actor(r), now), ct);
        }, ct);
        if (refused is not null) return (null, refused);
        return (new RegistrationReceipt(r.Id, token, r.Bureau, BureauName(r.Bureau), r.Office, Status(r)), null);
    }

    /// <summary>Amends a registration the office asked more of; it goes back to the office.</summary>
    public async Task<(RegistrationStatus? Status, Refusal? Refused)> AmendAsync(Guid id, RegistrationAmendment amendment, string source, CancellationToken ct)
    {
        var r = await FindAsync(id, amendment.Token, ct);
        if (r is null) return (null, Refusal.NotFound);
        if (r.State != RegistrationState.MoreRequested)
        {
            return (null, Refusal.Conflict(ErrorCodes.RegistrationState, $"注册申请{RegistrationState.Label(r.State)}，不能修改"));
        }
        if (!await throttles.TakeAsync(RegistrationThrottles.SubmissionsPerAddress, source, ct)) return (null, RegistrationThrottles.TooMany);
        var request = amendment.Registration ?? new RegistrationRequest(null, null, null, null, null, null, null, null, null, null, null);
        var problems = new List<Problem>();
        var data = checks.Check(request, problems, filesOptional: true);
        RegistrationCode? code = null;
        // A new first contact proves the new mobile; the token proves the rest.
        if (data is not null && data.Contacts[0].Mobile != r.Contact1Mobile) code = await CodeAsync(request, problems, ct);
        if (data is not null) await FreeAsync(data, r.Id, problems, ct);
        if (problems.Count > 0 || data is null) return (null, Refusal.Invalid(problems));

        var now = time.GetUtcNow();
        var letterSha = data.Letter?.Sha256 ?? await db.RegistrationFiles.Where(f => f.RegistrationId == r.Id && f.Kind == RegistrationFileKind.Letter
            && f.SupersededAt == null).Select(f => f.FileSha256).SingleAsync(ct);
        var refused = await StoreAsync(data, async chain =>
        {
            if (code is not null && !await codes.UseAsync(code, ct))
            {
                throw new RegistrationRollbackException(Refusal.Invalid("code", ErrorCodes.RegistrationCodeExpired, "「短信验证码」已被使用，请重新获取"));
            }
            Apply(r, data);
            (r.State, r.PendingKey, r.UpdatedAt, r.Version) = (RegistrationState.Submitted, data.PendingKey, now, r.Version + 1);
            foreach (var old in await db.RegistrationAccounts.Where(a => a.RegistrationId == r.Id).ToListAsync(ct)) db.RegistrationAccounts.Remove(old);
            foreach (var old in await db.RegistrationFiles.Where(f => f.RegistrationId == r.Id && f.SupersededAt == null).ToListAsync(ct))
            {
                if ((old.Kind == RegistrationFileKind.Letter && data.Letter is not null)
                    || (old.Kind == RegistrationFileKind.Licence && data.Licence is not null))
                {
                    old.SupersededAt = now;
                }
            }
            AddFiles(r, data, now);
            db.AuditEntries.Add(EvidenceEntries.Audit(now, Actor(r), "registration.amended", r.IdValue, source));
            notices.Tell(r, $"贵单位（{r.Name}）的 SES 注册申请已补充提交，由{r.Office}审核。");
            await chain.AppendAsync(RegistrationNotices.Evidence(r, letterSha, EvidenceEvents.RegistrationAmended, "registration-amended", Actor(r), now), ct);
        }, ct);
        return refused is null ? (Status(r), null) : (null, refused);
    }

    /// <summary>Where the registration stands, for whoever holds its token.</summary>
    public async Task<RegistrationStatus?> StatusAsync(Guid id, string? token, CancellationToken ct) =>
        await FindAsync(id, token, ct) is { } r ? Status(r) : null;

    /// <summary>The registration the token belongs to (compared in constant time), or null.</summary>
    public async Task<Registration?> FindAsync(Guid id, string? token, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(token)) return null;
        var r = await db.Registrations.SingleOrDefaultAsync(x => x.Id == id, ct);
        return r is not null && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(r.TokenHash), Encoding.ASCII.GetBytes(Hash(token))) ? r : null;
    }

    public static RegistrationStatus Status(Registration r) =>
        new(r.Id, r.Name, r.State, RegistrationState.Label(r.State), r.Office, r.Reason, r.SubmittedAt.ToOffset(LegalDates.Beijing),
            r.UpdatedAt.ToOffset(LegalDates.Beijing));

    private string BureauName(string code) => engine.Templates.FindBureau(code)?.Name ?? code;

    private async Task<RegistrationCode?> CodeAsync(RegistrationRequest request, List<Problem> problems, CancellationToken ct)
    {
        // The code was sent to the phone's 11 digits (RegistrationCodes), whichever way either form wrote the number.
        if (Identifiers.Mobile(request.Contacts is { Count: > 0 } c && c[0] is { } first ? first.Mobile ?? "" : "") is not { } mobile) return null;
        var (code, problem) = await codes.CheckAsync(mobile, request.Code?.Trim(), ct);
        if (problem is not null) problems.Add(problem);
        return code;
    }

    /// <summary>
    /// The identifier is not registered yet and has no other pending registration; the account names are free (not an
    /// account, a staff member, or asked for by another pending registration).
    /// </summary>
    private async Task FreeAsync(RegistrationData data, Guid? self, List<Problem> problems, CancellationToken ct)
    {
        if (await db.Counterparties.AnyAsync(c => c.IdScheme == data.IdScheme && c.IdValue == data.IdValue, ct))
        {
            problems.Add(new("idValue", ErrorCodes.CounterpartyExists, "该标识号码的相对人已在 SES 登记，无需重复注册；如需增加账号，请登录后在「配置管理」中申请"));
        }
        else if (await db.Registrations.AnyAsync(x => x.PendingKey == data.PendingKey && x.Id != self, ct))
        {
            problems.Add(new("idValue", ErrorCodes.RegistrationPending, "该标识号码已有待审核的注册申请，请等待监管局审核，不要重复提交"));
        }
        var names = data.Accounts.Select(a => a.UserName).ToList();
        var pending = db.Registrations.Where(x => x.PendingKey != null && x.Id != self).Select(x => x.Id);
        var taken = (await db.CounterpartyAccounts.Where(a => names.Contains(a.UserName)).Select(a => a.UserName).ToListAsync(ct))
            .Concat(await db.StaffUsers.Where(u => names.Contains(u.UserName)).Select(u => u.UserName).ToListAsync(ct))
            .Concat(await db.RegistrationAccounts.Where(a => names.Contains(a.UserName) && pending.Contains(a.RegistrationId)).Select(a => a.UserName)
                .ToListAsync(ct))
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < names.Count; i++)
        {
            if (taken.Contains(names[i])) problems.Add(new($"accounts[{i}].userName", ErrorCodes.AccountExists, $"账号名称「{names[i]}」已被使用或已有人申请"));
        }
    }

    /// <summary>
    /// Stores the new scans, then runs <paramref name="work"/> in one transaction with the evidence; a refusal on the way (or a
    /// pending registration of the same identifier stored meanwhile) rolls everything back and forgets the scans this call stored.
    /// </summary>
    private async Task<Refusal?> StoreAsync(RegistrationData data, Func<EvidenceChain, Task> work, CancellationToken ct)
    {
        var created = new List<string>();
        var done = false;
        try
        {
            foreach (var file in new[] { data.Licence, data.Letter })
            {
                if (file is not null && (await files.PutAsync(file.Content, ct)).Created) created.Add(file.Sha256);
            }
            await EvidenceLog.WriteAsync(db, async chain =>
            {
                await work(chain);
                return true;
            }, ct);
            done = true;
            return null;
        }
        catch (RegistrationRollbackException e)
        {
            return e.Refused;
        }
        catch (DbUpdateException e) when (UniqueViolation.Is(e))
        {
            return Refusal.Invalid("idValue", ErrorCodes.RegistrationPending, "该标识号码已有待审核的注册申请，请等待监管局审核，不要重复提交");
        }
        catch (DbUpdateConcurrencyException)
        {
            return Refusal.Conflict(ErrorCodes.RegistrationState, "注册申请已有变化，请刷新后重试");
        }
        finally
        {
            if (!done)
            {
                foreach (var sha in created) files.Forget(sha);
            }
        }
    }

    private void AddFiles(Registration r, RegistrationData data, DateTimeOffset now)
    {
        foreach (var (kind, file) in new[] { (RegistrationFileKind.Licence, data.Licence), (RegistrationFileKind.Letter, data.Letter) })
        {
            if (file is null) continue;
            db.RegistrationFiles.Add(new RegistrationFile
            {
                Id = Guid.CreateVersion7(now), RegistrationId = r.Id, Kind = kind, FileName = file.Name, ContentType = file.ContentType,
                FileSize = file.Content.Length, FileSha256 = file.Sha256, UploadedAt = now,
            });
        }
        foreach (var (userName, department) in data.Accounts)
        {
            db.RegistrationAccounts.Add(new RegistrationAccount { RegistrationId = r.Id, UserName = userName, Department = department });
        }
    }

    private static void Apply(Registration r, RegistrationData data)
    {
        (r.Kind, r.Name, r.IdScheme, r.IdValue, r.Address, r.Bureau, r.Office) =
            (data.Kind, data.Name, data.IdScheme, data.IdValue, data.Address, data.Bureau, data.Office);
        (r.Contact1Name, r.Contact1Mobile, r.Contact1Email) = data.Contacts[0];
        (r.Contact2Name, r.Contact2Mobile, r.Contact2Email) = data.Contacts[1];
    }

    /// <summary>Who did it, for the logs: the registrant, by the first contact's masked mobile.</summary>
    public static string Actor(Registration r) => "registrant:" + RecipientMask.Mobile(r.Contact1Mobile);

    private static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
