using Microsoft.EntityFrameworkCore;
using Ses.Documents;
using Ses.Documents.Templates;
using Ses.Documents.Validation;
using Ses.Service.Calendar;
using Ses.Service.Cases;
using Ses.Service.Data;
using Ses.Service.Evidence;
using Ses.Service.Http;
using Ses.Service.Storage;
using Ses.Service.Submissions;

namespace Ses.Service.Evaluations;

/// <summary>
/// The enterprise's side of a round: its materials (收集材料, 暂行办法第十二条) and its written review application against
/// the pre-evaluation result, accepted during the publication only (暂行办法第十四条) — a submission against the notice,
/// with its files, evidence entry and receipt like every other.
/// </summary>
public sealed class EvaluationAccountService(
    SesDbContext db, EvaluationQueries queries, SubmissionService submissions, SubmissionQueries submissionQueries, IFileStore files,
    DocumentEngine engine, TimeProvider time)
{
    public async Task<(MyEvaluationView? Evaluation, Refusal? Refused)> UploadAsync(Guid id, MaterialUpload request, IReadOnlyList<UploadInput> uploads,
        Submitter who, CancellationToken ct)
    {
        var e = await db.Evaluations.AsNoTracking().SingleOrDefaultAsync(x => x.Id == id && x.CounterpartyId == who.CounterpartyId, ct);
        if (e is null) return (null, Refusal.NotFound);
        var round = await db.EvaluationRounds.AsNoTracking().SingleAsync(r => r.Id == e.RoundId, ct);
        if (!EvaluationQueries.MaterialsOpen(round))
        {
            return (null, Refusal.Conflict(ErrorCodes.EvaluationMaterialsClosed, "预评价结果已经公示，不再收集材料；对预评价结果有异议的，请在公示期内申请复核"));
        }
        var problems = new List<Problem>();
        CaseStepRecorder.Text(problems, engine, "note", "材料说明", request.Note, EvaluationRounds.TextLength);
        if (uploads.Count == 0) problems.Add(new("attachments", ErrorCodes.FieldRequired, "「材料」必须上传至少一个文件"));
        var checkedFiles = Attachments.Check(uploads, problems);
        if (problems.Count > 0) return (null, Refusal.Invalid(problems));
        var now = time.GetUtcNow();
        var late = LegalDates.BeijingDate(now) > round.MaterialsDueOn;
        foreach (var f in checkedFiles)
        {
            await files.PutAsync(f.Content, ct);
            db.EvaluationMaterials.Add(new EvaluationMaterial
            {
                Id = Guid.CreateVersion7(now), EvaluationId = e.Id, FileName = f.Name, Sha256 = f.Sha256, Size = f.Content.Length, ContentType = f.ContentType,
                Note = string.IsNullOrWhiteSpace(request.Note) ? null : request.Note.Trim(), UploadedBy = who.AccountName, UploadedAt = now, Late = late,
            });
        }
        db.AuditEntries.Add(EvidenceEntries.Audit(now, who.Actor, "evaluation.materials", e.Id.ToString(), who.Source,
            string.Join(",", checkedFiles.Select(f => f.Sha256))));
        await db.SaveChangesAsync(ct);
        return (await queries.MineAsync(e.Id, who.CounterpartyId, ct), null);
    }

    /// <summary>
    /// The written review application with its evidence (暂行办法第十四条): from the day of publication to its last day, Beijing
    /// time; a day later it is refused, naming the last day. Stored as a submission against the pre-evaluation notice.
    /// </summary>
    public async Task<(SubmissionView? Submission, Refusal? Refused)> ApplyAsync(Guid id, string? reason, IReadOnlyList<UploadInput> uploads,
        Submitter who, CancellationToken ct)
    {
        var e = await db.Evaluations.AsNoTracking().SingleOrDefaultAsync(x => x.Id == id && x.CounterpartyId == who.CounterpartyId, ct);
        if (e is null) return (null, Refusal.NotFound);
        var round = await db.EvaluationRounds.AsNoTracking().SingleAsync(r => r.Id == e.RoundId, ct);
        var now = time.GetUtcNow();
        var today = LegalDates.BeijingDate(now);
        if (e.PreDocumentId is not { } notice || round.PublishedOn is null)
        {
            return (null, Refusal.Conflict(ErrorCodes.EvaluationReviewClosed, "预评价结果尚未公示，还不能申请复核"));
        }
        if (!EvaluationQueries.ReviewOpen(round, e, today))
        {
            return (null, Refusal.Conflict(ErrorCodes.EvaluationReviewClosed,
                $"公示期已于 {DateValue.FormatChinese(round.PublicationEndsOn!.Value)} 届满，复核申请应当在公示期内提出（暂行办法第十四条），不再受理"));
        }
        var problems = new List<Problem>();
        CaseStepRecorder.Text(problems, engine, "reason", "复核理由", reason, EvaluationRounds.TextLength, required: true);
        if (uploads.Count == 0) problems.Add(new("attachments", ErrorCodes.FieldRequired, "复核申请应当附相关证明材料（暂行办法第十四条），请上传至少一个文件"));
        var checkedFiles = Attachments.Check(uploads, problems);
        if (problems.Count > 0) return (null, Refusal.Invalid(problems));
        var document = await db.IssuedDocuments.AsNoTracking().SingleAsync(d => d.Id == notice, ct);
        var delivery = await db.Deliveries.AsNoTracking().Where(d => d.DocumentId == notice && d.CounterpartyId == who.CounterpartyId)
            .OrderByDescending(d => d.Electronic).Select(d => (Guid?)d.Id).FirstOrDefaultAsync(ct);
        var text = reason!.Trim();
        var submission = new Submission
        {
            Id = Guid.CreateVersion7(now), Kind = SubmissionKinds.EvaluationReview, Bureau = round.Bureau, CounterpartyId = who.CounterpartyId,
            AccountId = who.AccountId, AccountName = who.AccountName, DeliveryId = delivery, DocumentId = notice, Text = text,
            TextSha256 = SubmissionService.TextSha256(text), SubmittedAt = now, SubmittedOn = today, PeriodLastDay = round.PublicationEndsOn,
            CaseStepRecorded = true,
        };
        await submissions.StoreAsync(submission, checkedFiles, document.Number, who, ct);
        await submissions.TryReceiptAsync(submission, ct);
        return (await submissionQueries.ViewAsync(submission, ct), null);
    }
}
