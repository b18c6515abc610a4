using Microsoft.EntityFrameworkCore;
using Ses.Documents;
using Ses.Documents.Templates;
using Ses.Service.Calendar;
using Ses.Service.Cases;
using Ses.Service.Data;
using Ses.Service.Records;
using Ses.Service.Repairs;

namespace Ses.Service.Submissions;

/// <summary>Submissions and the counterparty's records as the counterparty and the officers read them.</summary>
public sealed class SubmissionQueries(SesDbContext db, DocumentEngine engine)
{
    /// <summary>One of the counterparty's submissions, or null (another counterparty's is not found).</summary>
    public Task<Submission?> OfCounterpartyAsync(Guid id, Guid counterpartyId, CancellationToken ct) =>
        db.Submissions.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id && s.CounterpartyId == counterpartyId, ct);

    /// <summary>A submission made to the bureau, or null.</summary>
    public Task<Submission?> OfBureauAsync(Guid id, string bureau, CancellationToken ct) =>
        db.Submissions.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id && s.Bureau == bureau, ct);

    /// <summary>The counterparty's submissions, newest first.</summary>
    public async Task<List<SubmissionView>> MineAsync(Guid counterpartyId, CancellationToken ct) =>
        await ViewsAsync(db.Submissions.AsNoTracking().Where(s => s.CounterpartyId == counterpartyId), staff: false, ct);

    /// <summary>The submissions on a document of the bureau (statements on a notice), oldest first; null when the bureau has no such document.</summary>
    public async Task<List<SubmissionView>?> OnDocumentAsync(Guid documentId, string bureau, CancellationToken ct)
    {
        if (!await db.IssuedDocuments.AnyAsync(d => d.Id == documentId && d.Bureau == bureau, ct)) return null;
        return await ViewsAsync(db.Submissions.AsNoTracking().Where(s => s.DocumentId == documentId), staff: true, ct);
    }

    /// <summary>The submissions about a credit record of the bureau (repair applications); null when the bureau has no such record.</summary>
    public async Task<List<SubmissionView>?> OnRecordAsync(Guid recordId, string bureau, CancellationToken ct)
    {
        if (!await db.CreditRecords.AnyAsync(r => r.Id == recordId && r.Bureau == bureau, ct)) return null;
        return await ViewsAsync(db.Submissions.AsNoTracking().Where(s => s.RecordId == recordId), staff: true, ct);
    }

    public async Task<SubmissionView> ViewAsync(Submission s, CancellationToken ct, bool staff = false) =>
        (await ViewsAsync(db.Submissions.AsNoTracking().Where(x => x.Id == s.Id), staff, ct)).Single();

    /// <summary>
    /// The counterparty's credit records in force — its own and those of the persons recorded with it — with the first
    /// day a repair may be applied for and whether one may be applied for today (实施办法第十八条、第十九条).
    /// </summary>
    public async Task<List<MyRecordView>> RecordsAsync(Guid counterpartyId, DateOnly today, CancellationToken ct)
    {
        var records = await db.CreditRecords.AsNoTracking()
            .Where(r => r.CounterpartyId == counterpartyId && r.State == RecordState.InForce)
            .OrderBy(r => r.EnteredOn).ThenBy(r => r.LinkedToRecordId != null).ThenBy(r => r.PartyName)
            .ToListAsync(ct);
        var ids = records.Select(r => r.Id).ToList();
        var open = await db.RepairApplications.AsNoTracking()
            .Where(a => ids.Contains(a.RecordId) && RepairState.Open.Contains(a.State)).Select(a => a.RecordId).ToListAsync(ct);
        return records.Select(r =>
        {
            var why = r.LinkedToRecordId is not null
                ? "与组织一并记入的个人不得单独申请信用修复，应由组织申请（实施办法第十九条）"
                : open.Contains(r.Id) ? "已有正在办理的修复申请，办结后才能再次申请"
                : today < r.RepairEligibleFrom ? $"记入满 {(r.ValidityYears == 3 ? 6 : 3)} 个月后才能申请，最早 {DateValue.FormatChinese(r.RepairEligibleFrom)}（实施办法第十八条）"
                : null;
            return new MyRecordView(r.Id, r.PartyName, r.PartyKind, r.PersonRole is { } role ? PersonRoles.Label(role) : null, r.Act, r.DecisionNumber,
                r.EnteredOn, r.ValidUntil, r.RepairEligibleFrom, r.LinkedToRecordId is not null, why is null, why);
        }).ToList();
    }

    private async Task<List<SubmissionView>> ViewsAsync(IQueryable<Submission> query, bool staff, CancellationToken ct)
    {
        var list = await query.OrderBy(s => s.SubmittedAt).ToListAsync(ct);
        if (!staff) list.Reverse();
        var ids = list.Select(s => s.Id).ToList();
        var files = (await db.SubmissionFiles.AsNoTracking().Where(f => ids.Contains(f.SubmissionId)).ToListAsync(ct))
            .GroupBy(f => f.SubmissionId).ToDictionary(g => g.Key, g => g.OrderBy(f => f.Number).ToList());
        var partyIds = list.Select(s => s.CounterpartyId).Distinct().ToList();
        var parties = await db.Counterparties.AsNoTracking().Where(c => partyIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Name, ct);
        var documentIds = list.Where(s => s.DocumentId is not null).Select(s => s.DocumentId!.Value).Distinct().ToList();
        var numbers = await db.IssuedDocuments.AsNoTracking().Where(d => documentIds.Contains(d.Id)).ToDictionaryAsync(d => d.Id, d => d.Number, ct);
        return list.Select(s => new SubmissionView(
            s.Id, s.Kind, SubmissionKinds.Label(s.Kind), parties.GetValueOrDefault(s.CounterpartyId, ""), s.AccountName, s.DeliveryId, s.DocumentId,
            s.DocumentId is { } d ? numbers.GetValueOrDefault(d) : null, s.RecordId, s.RepairId, s.CaseId, s.Text, s.TextSha256, s.NewEvidence,
            s.SubmittedAt.ToOffset(LegalDates.Beijing), s.SubmittedOn, s.PeriodLastDay, s.PeriodLastDay is { } last && s.SubmittedOn > last,
            s.LateWorkingDays, s.CaseStepRecorded,
            [.. files.GetValueOrDefault(s.Id, []).Select(f => new SubmissionFileView(f.Number, f.Name, f.Size, f.ContentType, f.Sha256))],
            s.ReceiptSha256 is not null, s.ReceiptSha256, staff ? $"/api/submissions/{s.Id}/receipt" : $"/api/my/submissions/{s.Id}/receipt")).ToList();
    }

    /// <summary>The form's title of a document (the receipt names the notice by it).</summary>
    public string Title(string formId) => engine.Templates.FindForm(formId)?.Title ?? "（表单已不存在）";
}
