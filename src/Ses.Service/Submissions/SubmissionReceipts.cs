using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Ses.Documents;
using Ses.Documents.Templates;
using Ses.Service.Calendar;
using Ses.Service.Counterparties;
using Ses.Service.Data;
using Ses.Service.Evidence;
using Ses.Service.Signing;
using Ses.Service.Storage;

namespace Ses.Service.Submissions;

/// <summary>
/// The receipt (回执) of a submission: a PDF in Chinese titled 「电子提交回执」 listing what was received — the
/// counterparty, the account, the notice or record it concerns, the text's SHA-256 and each file's name, size and
/// SHA-256 — and when, in Beijing time to the second; signed and timestamped with the bureau's key like the delivery
/// certificate (PAdES B-T, so <c>ses verify</c> and pdfsig accept it), stored by hash, and recorded as evidence. Made once.
/// </summary>
public sealed class SubmissionReceipts(SesDbContext db, DocumentEngine engine, SigningContext signing, IFileStore files, TimeProvider time)
{
    public const string FormId = "submission-receipt";

    /// <summary>The reason written into the signature.</summary>
    public const string SigningReason = "电子提交回执";

    private const string TimeFormat = "yyyy-MM-dd HH:mm:ss";

    /// <summary>
    /// The signed receipt of the submission: the stored one, or made now (rendered, signed, timestamped, stored, evidence
    /// entry). Throws <c>TimestampException</c> when the timestamp authority does not answer.
    /// </summary>
    public async Task<byte[]> IssueAsync(Guid submissionId, CancellationToken ct)
    {
        var s = await db.Submissions.AsNoTracking().SingleAsync(x => x.Id == submissionId, ct);
        if (s.ReceiptSha256 is { } stored && await files.GetAsync(stored, ct) is { } existing) return existing;

        var now = time.GetUtcNow();
        var bureau = engine.Templates.FindBureau(s.Bureau) ?? throw new InvalidOperationException($"bureau '{s.Bureau}' has no profile in the templates");
        using var values = JsonDocument.Parse((await ValuesAsync(s, now, ct)).ToJsonString());
        var rendered = engine.RenderInternal(FormId, values.RootElement, s.Bureau);
        var pdf = engine.Sign(rendered, signing.Require(bureau), now, visible: true, reason: SigningReason);
        var (sha, created) = await files.PutAsync(pdf, ct);
        try
        {
            return await EvidenceLog.WriteAsync(db, async chain =>
            {
                var tracked = await db.Submissions.SingleAsync(x => x.Id == submissionId, ct);
                if (tracked.ReceiptSha256 is { } raced && await files.GetAsync(raced, ct) is { } other) return other;
                (tracked.ReceiptSha256, tracked.ReceiptAt) = (sha, now);
                await chain.AppendAsync(EvidenceEntries.ForFile($"电子提交回执 {s.Id}", sha, EvidenceEvents.SubmissionAcceptance, "submission-receipt",
                    "system", now, new() { ["submission"] = s.Id.ToString(), ["kind"] = s.Kind, ["account"] = s.AccountName }), ct);
                return pdf;
            }, ct);
        }
        catch
        {
            db.ChangeTracker.Clear();
            if (created) files.Forget(sha);
            throw;
        }
    }

    private async Task<JsonObject> ValuesAsync(Submission s, DateTimeOffset now, CancellationToken ct)
    {
        var party = await db.Counterparties.AsNoTracking().SingleAsync(c => c.Id == s.CounterpartyId, ct);
        var department = await db.CounterpartyAccounts.AsNoTracking().Where(a => a.Id == s.AccountId).Select(a => a.Department).SingleOrDefaultAsync(ct);
        var uploaded = await db.SubmissionFiles.AsNoTracking().Where(f => f.SubmissionId == s.Id).OrderBy(f => f.Number).ToListAsync(ct);
        var (subjectLabel, subject, period) = await SubjectAsync(s, ct);
        var values = new JsonObject
        {
            ["kind"] = SubmissionKinds.Label(s.Kind),
            ["counterpartyName"] = party.Name,
            ["counterpartyId"] = $"{IdSchemes.Label(party.IdScheme)} {party.IdValue}",
            ["account"] = string.IsNullOrEmpty(department) ? s.AccountName : $"{s.AccountName}（{department}）",
            ["subjectLabel"] = subjectLabel,
            ["subject"] = subject,
            ["textLength"] = s.Text.Length.ToString(CultureInfo.InvariantCulture),
            ["textSha256"] = s.TextSha256,
            ["files"] = new JsonArray([.. uploaded.Select(f => (JsonNode)new JsonObject
            {
                ["name"] = f.Name, ["size"] = f.Size.ToString(CultureInfo.InvariantCulture), ["sha256"] = f.Sha256,
            })]),
            ["receivedAtBeijing"] = s.SubmittedAt.ToOffset(LegalDates.Beijing).ToString(TimeFormat, CultureInfo.InvariantCulture),
            ["receivedAtUtc"] = s.SubmittedAt.UtcDateTime.ToString(TimeFormat, CultureInfo.InvariantCulture),
            ["issuedOn"] = LegalDates.BeijingDate(now).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        };
        if (period is not null) values["period"] = period;
        if (uploaded.Count == 0) values["noFiles"] = "yes";
        return values;
    }

    /// <summary>What the submission concerns, as the receipt names it, and the period that applies.</summary>
    private async Task<(string Label, string Subject, string? Period)> SubjectAsync(Submission s, CancellationToken ct)
    {
        if (s.Kind == SubmissionKinds.Statement)
        {
            var document = await db.IssuedDocuments.AsNoTracking().SingleAsync(d => d.Id == s.DocumentId, ct);
            var title = engine.Templates.FindForm(document.FormId)?.Title ?? "告知书";
            var period = s.PeriodLastDay is { } last
                ? s.SubmittedOn > last
                    ? $"陈述和申辩期限最后一日为 {last:yyyy-MM-dd}（实施办法第十三条）；本次提交已逾期 {s.LateWorkingDays} 个工作日"
                    : $"陈述和申辩期限最后一日为 {last:yyyy-MM-dd}（实施办法第十三条）；本次提交在期限内"
                : "告知书尚未确定送达日，陈述和申辩期限尚未开始届满；本次提交在期限内（实施办法第十三条）";
            return ("所涉文书", $"《{title}》{document.Number}", period);
        }
        if (s.Kind == SubmissionKinds.EvaluationReview)
        {
            var notice = await db.IssuedDocuments.AsNoTracking().SingleAsync(d => d.Id == s.DocumentId, ct);
            var title = engine.Templates.FindForm(notice.FormId)?.Title ?? "预评价结果告知书";
            return ("所涉文书", $"《{title}》{notice.Number}",
                $"预评价结果公示期最后一日为 {s.PeriodLastDay:yyyy-MM-dd}，复核申请应当在公示期内提出（《通用航空企业诚信经营评价管理暂行办法》第十四条）；本次提交在公示期内");
        }
        var record = await db.CreditRecords.AsNoTracking().SingleAsync(r => r.Id == s.RecordId, ct);
        return ("所涉信用记录",
            $"{record.PartyName}：{record.Act}（{record.DecisionNumber}，{DateValue.FormatChinese(record.EnteredOn)}记入）\n修复申请书（附件8）及所附材料",
            $"最早可申请信用修复之日为 {record.RepairEligibleFrom:yyyy-MM-dd}（实施办法第十八条）");
    }
}
