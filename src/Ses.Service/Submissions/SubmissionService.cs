using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Ses.Documents;
using Ses.Documents.Signing.Crypto;
using Ses.Documents.Templates;
using Ses.Documents.Validation;
using Ses.Service.Calendar;
using Ses.Service.Cases;
using Ses.Service.Data;
using Ses.Service.Delivery;
using Ses.Service.Evidence;
using Ses.Service.Http;
using Ses.Service.Issuing;
using Ses.Service.Storage;

namespace Ses.Service.Submissions;

/// <summary>
/// A statement and defence from any account of the counterparty against a notice served on it (实施办法第十三条):
/// accepted within the period and after it (marked late with the working days), its files stored by hash, an audit and
/// an evidence entry; when the notice belongs to a credit case waiting for the statement, the case's statement step is
/// recorded from it. The receipt is issued at once (<see cref="SubmissionReceipts"/>). Repair applications are in
/// <see cref="RepairSubmissions"/>.
/// </summary>
public sealed partial class SubmissionService(
    SesDbContext db, DocumentEngine engine, CalendarStore calendars, IFileStore files, CaseProcedure cases, SubmissionReceipts receipts,
    SubmissionQueries queries, TimeProvider time, ILogger<SubmissionService> log)
{
    /// <summary>The longest text stored (the column).</summary>
    public const int TextLength = 4000;

    /// <summary>The longest statement: what the case's step takes, with room for the list of further files.</summary>
    public const int StatementLength = 3000;

    /// <summary>The delivery of a notice served electronically on the counterparty, with the document and its form; else null.</summary>
    public async Task<(DeliveryRecord Delivery, IssuedDocument Document, FormTemplate? Form)?> NoticeAsync(Guid deliveryId, Guid counterpartyId,
        CancellationToken ct)
    {
        var delivery = await db.Deliveries.AsNoTracking()
            .SingleOrDefaultAsync(d => d.Id == deliveryId && d.CounterpartyId == counterpartyId && d.Electronic, ct);
        if (delivery is null) return null;
        var document = await db.IssuedDocuments.AsNoTracking().SingleAsync(d => d.Id == delivery.DocumentId, ct);
        return (delivery, document, engine.Templates.FindForm(document.FormId));
    }

    /// <summary>Whether statements may be submitted against it: a notice whose delivery opens the period, not voided.</summary>
    public static Refusal? Accepts(IssuedDocument document, FormTemplate? form) =>
        form is null || !form.OpensPeriod(OpenedPeriod.Defense)
            ? Refusal.Conflict(ErrorCodes.SubmissionNotNotice, "该文书不是告知书，不能对其提交陈述和申辩")
            : document.VoidedAt is not null
                ? Refusal.Conflict(ErrorCodes.DocumentVoided, "该文书已作废，不能对其提交陈述和申辩")
                : null;

    /// <summary>
    /// The statement and defence period as of <paramref name="today"/>: its last day is the date the notice states, never
    /// earlier than the 5th working day after delivery (实施办法第十三条; the one computation, <see cref="LegalDates.DefenceDeadline"/>
    /// through <see cref="Deadlines"/>); unknown, and so not passed, while the delivery date is not fixed.
    /// </summary>
    public async Task<StatementPeriod> PeriodAsync(DeliveryRecord delivery, IssuedDocument document, FormTemplate? form, DateOnly today,
        CancellationToken ct)
    {
        if (delivery.DeliveredOn is not { } on)
        {
            return new StatementPeriod(null, false, "送达日尚未确定；期限自送达之日起计算，最后一日为告知书载明的日期，且不早于自送达之日起第 5 个工作日（实施办法第十三条）",
                false, 0);
        }
        var calendar = await calendars.CurrentAsync(ct);
        var period = Deadlines.For(form, document.DataJson, on, calendar).Single(d => d.Period == "defense");
        var late = today > period.LastDay ? -CaseService.WorkingDaysLeft(today, period.LastDay, calendar) : 0;
        return new StatementPeriod(period.LastDay, period.Provisional, period.Basis, today > period.LastDay, late);
    }

    /// <summary>Receives a statement and defence against the notice of the delivery; not found unless it was served on the submitter's counterparty.</summary>
    public async Task<(SubmissionView? Submission, Refusal? Refused)> StatementAsync(Guid deliveryId, string? text, IReadOnlyList<UploadInput> uploads,
        Submitter who, CancellationToken ct)
    {
        if (await NoticeAsync(deliveryId, who.CounterpartyId, ct) is not var (delivery, document, form)) return (null, Refusal.NotFound);
        if (Accepts(document, form) is { } refused) return (null, refused);
        var problems = new List<Problem>();
        CaseStepRecorder.Text(problems, engine, "text", "陈述和申辩意见", text, StatementLength);
        var checkedFiles = Attachments.Check(uploads, problems);
        if (string.IsNullOrWhiteSpace(text) && uploads.Count == 0)
        {
            problems.Add(new("text", ErrorCodes.SubmissionEmpty, "「陈述和申辩意见」必须填写，或者上传陈述和申辩材料"));
        }
        if (problems.Count > 0) return (null, Refusal.Invalid(problems));

        var now = time.GetUtcNow();
        var today = LegalDates.BeijingDate(now);
        var period = await PeriodAsync(delivery, document, form, today, ct);
        var caseId = await (from d in db.Drafts.AsNoTracking()
                            where d.IssuedDocumentId == document.Id && d.CaseStep == CaseSteps.Notice
                            select d.CaseId).FirstOrDefaultAsync(ct);
        var trimmed = text?.Trim() ?? "";
        var stored = new Submission
        {
            Id = Guid.CreateVersion7(now), Kind = SubmissionKinds.Statement, Bureau = document.Bureau, CounterpartyId = who.CounterpartyId,
            AccountId = who.AccountId, AccountName = who.AccountName, DeliveryId = delivery.Id, DocumentId = document.Id, CaseId = caseId, Text = trimmed,
            TextSha256 = TextSha256(trimmed), SubmittedAt = now, SubmittedOn = today, PeriodLastDay = period.LastDay, LateWorkingDays = period.LateWorkingDays,
        };
        await StoreAsync(stored, checkedFiles, document.Number, who, ct);

        if (caseId is { } id) await RecordCaseStepAsync(stored, id, checkedFiles, who, ct);
        await TryReceiptAsync(stored, ct);
        return (await queries.ViewAsync(stored, ct), null);
    }

    /// <summary>
    /// Stores the files (by hash) and the submission with its audit and evidence entries in one transaction; files this
    /// call created are removed again if the transaction fails.
    /// </summary>
    internal async Task StoreAsync(Submission submission, IReadOnlyList<UploadedFile> uploaded, string subject, Submitter who, CancellationToken ct)
    {
        var created = new List<string>();
        try
        {
            foreach (var f in uploaded)
            {
                var (sha, isNew) = await files.PutAsync(f.Content, ct);
                if (isNew) created.Add(sha);
            }
            await EvidenceLog.WriteAsync(db, async chain =>
            {
                db.Submissions.Add(submission);
                db.SubmissionFiles.AddRange(uploaded.Select((f, i) => new SubmissionFile
                {
                    Id = Guid.CreateVersion7(submission.SubmittedAt), SubmissionId = submission.Id, Number = i + 1, Name = f.Name, Size = f.Content.Length,
                    ContentType = f.ContentType, Sha256 = f.Sha256,
                }));
                db.AuditEntries.Add(EvidenceEntries.Audit(submission.SubmittedAt, who.Actor, $"submission.{submission.Kind}", submission.Id.ToString(),
                    who.Source, subject));
                await chain.AppendAsync(EvidenceEntries.ForFile($"电子提交 {submission.Id}", ContentSha256(submission, uploaded),
                    EvidenceEvents.SubmissionReceived, $"{submission.Kind}-submitted", who.Actor, submission.SubmittedAt, new()
                    {
                        ["submission"] = submission.Id.ToString(), ["kind"] = submission.Kind, ["subject"] = subject,
                        ["document"] = submission.DocumentId?.ToString(), ["delivery"] = submission.DeliveryId?.ToString(),
                        ["record"] = submission.RecordId?.ToString(), ["repair"] = submission.RepairId?.ToString(),
                        ["case"] = submission.CaseId?.ToString(), ["textSha256"] = submission.TextSha256,
                        ["files"] = string.Join(",", uploaded.Select(f => f.Sha256)),
                        ["periodLastDay"] = submission.PeriodLastDay?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                        ["lateWorkingDays"] = submission.LateWorkingDays.ToString(CultureInfo.InvariantCulture),
                    }), ct);
                return 0;
            }, ct);
        }
        catch
        {
            db.ChangeTracker.Clear();
            foreach (var sha in created) files.Forget(sha);
            throw;
        }
    }

    /// <summary>Issues the receipt now; when the timestamp authority is down it is issued on the first download instead.</summary>
    internal async Task TryReceiptAsync(Submission submission, CancellationToken ct)
    {
        try
        {
            await receipts.IssueAsync(submission.Id, ct);
        }
        catch (TimestampException e)
        {
            LogReceiptDeferred(log, submission.Id, e.Message);
        }
    }

    /// <summary>SHA-256 (hex) of a text as UTF-8.</summary>
    public static string TextSha256(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    /// <summary>
    /// The case's statement step from the submission (实施办法第十三条第二款): received on the submission's Beijing date, with
    /// its text (naming any further files) and its first file; the officer then reviews it as usual. A case no longer
    /// waiting for the statement is left as it is: the submission stays on the notice for the officer to see.
    /// </summary>
    private async Task RecordCaseStepAsync(Submission submission, Guid caseId, List<UploadedFile> uploaded, Submitter who, CancellationToken ct)
    {
        var c = await db.CreditCases.AsNoTracking().SingleOrDefaultAsync(x => x.Id == caseId, ct);
        if (c?.State != CaseState.Statement) return;
        var text = submission.Text;
        if (uploaded.Count > 1)
        {
            var more = $"（另附：{string.Join("、", uploaded.Skip(1).Select(f => f.Name))}，见电子提交回执）";
            text = string.IsNullOrEmpty(text) ? more : text + "\n" + more;
        }
        var first = uploaded.Count > 0 ? uploaded[0] : null;
        var actor = new CaseActor(c.Bureau, who.AccountId, who.Actor, who.Source);
        var (view, refused) = await cases.StatementAsync(caseId,
            new StatementRequest(submission.SubmittedOn, string.IsNullOrEmpty(text) ? null : text, first?.Content, first?.Name), actor, ct);
        if (view is null)
        {
            LogCaseStepRefused(log, caseId, refused?.Code ?? "");
            return;
        }
        var tracked = await db.Submissions.SingleAsync(s => s.Id == submission.Id, ct);
        tracked.CaseStepRecorded = submission.CaseStepRecorded = true;
        await db.SaveChangesAsync(ct);
    }

    /// <summary>SHA-256 of what was received: the submission's identity, the text's hash and each file's name and hash, in order.</summary>
    private static string ContentSha256(Submission s, IReadOnlyList<UploadedFile> uploaded) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new object?[]
        {
            "ses-submission-v1", s.Id.ToString("D"), s.Kind, s.AccountName, s.TextSha256, uploaded.Select(f => new[] { f.Name, f.Sha256 }).ToArray(),
        }))));

    [LoggerMessage(Level = LogLevel.Warning, Message = "Receipt of submission {Id} deferred to its first download: {Reason}")]
    private static partial void LogReceiptDeferred(ILogger logger, Guid id, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Statement step of case {CaseId} not recorded from a submission: {Code}")]
    private static partial void LogCaseStepRefused(ILogger logger, Guid caseId, string code);
}
