using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Ses.Documents;
using Ses.Documents.Validation;
using Ses.Service.Calendar;
using Ses.Service.Data;
using Ses.Service.Evidence;
using Ses.Service.Http;
using Ses.Service.Storage;

namespace Ses.Service.Cases;

/// <summary>
/// What every step of a case shares: finding the case in the state the step belongs to, the day it was done (not in the
/// future, not before what it follows), and recording it — the step with its due date and lateness (a late step is
/// recorded, never refused), the case's new state and due date, the audit entry and the evidence entry — in one
/// transaction. Two steps racing on one case cannot both win (the case's version).
/// </summary>
public sealed class CaseStepRecorder(SesDbContext db, CaseService cases, CalendarStore calendars, IFileStore files, TimeProvider time)
{
    /// <summary>The largest file a step takes (minutes, a statement).</summary>
    public const int MaxFileBytes = 20 * 1024 * 1024;

    public DateOnly Today => LegalDates.BeijingDate(time.GetUtcNow());

    public Task<HolidayCalendar> CalendarAsync(CancellationToken ct) => calendars.CurrentAsync(ct);

    /// <summary>The bureau's case, tracked, if it is in <paramref name="state"/>; else not found or a conflict naming where it stands.</summary>
    public async Task<(CreditCase? Case, Refusal? Refused)> FindAsync(Guid id, string bureau, string state, string step, CancellationToken ct)
    {
        var c = await db.CreditCases.SingleOrDefaultAsync(x => x.Id == id && x.Bureau == bureau, ct);
        if (c is null) return (null, Refusal.NotFound);
        return c.State == state
            ? (c, null)
            : (null, Refusal.Conflict(ErrorCodes.CaseStepState, $"案件当前环节为「{CaseState.Label(c.State)}」，不能办理「{CaseSteps.Label(step)}」"));
    }

    /// <summary>
    /// The day a step was done: the one given, else today (Beijing); refused when after today or before
    /// <paramref name="notBefore"/> (what the step follows).
    /// </summary>
    public DateOnly Day(List<Problem> problems, string field, string label, DateOnly? given, DateOnly notBefore, string notBeforeLabel)
    {
        var day = given ?? Today;
        if (day > Today)
        {
            problems.Add(new(field, ErrorCodes.CaseDateInFuture, $"「{label}」不能晚于今天"));
        }
        else if (day < notBefore)
        {
            problems.Add(new(field, ErrorCodes.CaseDateOrder, $"「{label}」不能早于{notBeforeLabel}（{notBefore:yyyy-MM-dd}）"));
        }
        return day;
    }

    /// <summary>An optional text entered with a step: the checks of every text entered.</summary>
    public static void Text(List<Problem> problems, DocumentEngine engine, string field, string label, string? value, int length,
        bool required = false)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required) problems.Add(new(field, ErrorCodes.FieldRequired, $"「{label}」必须填写"));
        }
        else if (EntryChecks.Text(engine, field, label, value, length, lineBreaks: true) is { } bad)
        {
            problems.Add(bad);
        }
    }

    /// <summary>A file a step takes: required or not, at most <see cref="MaxFileBytes"/>.</summary>
    public static void File(List<Problem> problems, string field, string label, byte[]? file, bool required)
    {
        if (file is null || file.Length == 0)
        {
            if (required) problems.Add(new(field, ErrorCodes.FieldRequired, $"「{label}」必须上传"));
        }
        else if (file.Length > MaxFileBytes)
        {
            problems.Add(new(field, ErrorCodes.CaseFileSize, $"「{label}」不能超过 20 MB"));
        }
    }

    /// <summary>The name a received file is kept under: the base name given (at most 200 characters), else <paramref name="fallback"/>.</summary>
    public static string FileName(string? given, string fallback) =>
        string.IsNullOrWhiteSpace(given) ? fallback : Path.GetFileName(given.Trim()) is { Length: > 0 and <= 200 } name ? name : fallback;

    /// <summary>Stores a step's file (content-addressed: storing it twice is harmless) and returns its SHA-256.</summary>
    public async Task<string> StoreAsync(byte[] file, CancellationToken ct) => (await files.PutAsync(file, ct)).Sha256;

    /// <summary>The step done on <paramref name="doneOn"/> against its due date, with how many working days late it was.</summary>
    public async Task<CaseStep> StepAsync(CreditCase c, string step, DateOnly doneOn, CaseActor actor, LegalDate? due, CancellationToken ct)
    {
        var late = due is { } d && doneOn > d.Date ? -CaseService.WorkingDaysLeft(doneOn, d.Date, await calendars.CurrentAsync(ct)) : 0;
        var unit = await db.StaffUsers.AsNoTracking().Where(u => u.Id == actor.UserId).Select(u => u.UnitId).SingleOrDefaultAsync(ct);
        return new CaseStep
        {
            Id = Guid.CreateVersion7(time.GetUtcNow()), CaseId = c.Id, Step = step, DoneOn = doneOn, RecordedAt = time.GetUtcNow(),
            DoneBy = actor.UserName, DoneById = actor.UserId, UnitId = unit, DueDate = due?.Date, DueRule = due?.Rule, LateWorkingDays = late,
        };
    }

    /// <summary>
    /// Records <paramref name="step"/> and moves the case to <paramref name="state"/> with the due date of what comes next
    /// (none when the rules set no limit or it is not yet known); the persons given are stored with it.
    /// </summary>
    public async Task<(CaseView? Case, Refusal? Refused)> RecordAsync(CreditCase c, CaseStep step, string state, LegalDate? nextDue, CaseActor actor,
        CancellationToken ct, IReadOnlyList<CasePerson>? persons = null, Func<EvidenceChain, Task>? alongside = null)
    {
        var now = step.RecordedAt;
        c.State = state;
        (c.DueDate, c.DueRule, c.DueProvisional) = (nextDue?.Date, nextDue?.Rule, nextDue?.Provisional == true);
        c.Version++;
        try
        {
            await EvidenceLog.WriteAsync(db, async chain =>
            {
                step.Number = await db.CaseSteps.Where(s => s.CaseId == c.Id).MaxAsync(s => (int?)s.Number, ct) + 1 ?? 1;
                db.CaseSteps.Add(step);
                if (persons is not null) db.CasePersons.AddRange(persons);
                db.AuditEntries.Add(EvidenceEntries.Audit(now, actor.UserName, $"case.{step.Step}", c.Id.ToString(), actor.Source, step.Result));
                await chain.AppendAsync(EvidenceEntries.ForFile($"信用案件 {c.Id}", step.FileSha256 ?? FactsSha256(step), EvidenceEvents.CaseStepRecorded,
                    $"case-{step.Step}", actor.UserName, now, new()
                    {
                        ["case"] = c.Id.ToString(), ["step"] = step.Step, ["doneOn"] = Date(step.DoneOn), ["dueDate"] = step.DueDate is { } d ? Date(d) : null,
                        ["lateWorkingDays"] = step.LateWorkingDays.ToString(CultureInfo.InvariantCulture), ["result"] = step.Result,
                        ["document"] = step.DocumentId?.ToString(), ["file"] = step.FileName, ["state"] = state,
                    }), ct);
                if (alongside is not null) await alongside(chain);
                return 0;
            }, ct);
        }
        catch (DbUpdateException e) when (e is DbUpdateConcurrencyException || UniqueViolation.Is(e))
        {
            db.ChangeTracker.Clear();
            return (null, Refusal.Conflict(ErrorCodes.CaseChanged, "案件已被他人办理到下一环节，请刷新后核对"));
        }
        return (await cases.ViewAsync(c, ct), null);
    }

    private static string Date(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string FactsSha256(CaseStep s) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new object?[]
        {
            "ses-case-step-v1", s.Id.ToString("D"), s.CaseId.ToString("D"), s.Step, Date(s.DoneOn), s.DoneBy, s.Result, s.Note,
            s.DocumentId?.ToString("D"),
        }))));
}
