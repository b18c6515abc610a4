using Microsoft.EntityFrameworkCore;
using Ses.Documents;
using Ses.Documents.Validation;
using Ses.Service.Calendar;
using Ses.Service.Cases;
using Ses.Service.Data;
using Ses.Service.Http;

namespace Ses.Service.Records;

/// <summary>
/// Reading credit records: the bureau's own (list and detail), the question of 实施办法第二十一条 across every bureau's
/// records (the list in SES is one for the whole industry), and the public list of 实施办法第二十条.
/// </summary>
public sealed class RecordQueries(SesDbContext db, CalendarStore calendars, DocumentEngine engine, TimeProvider time)
{
    /// <summary>The shortest name or identifier asked about.</summary>
    public const int QueryMinLength = 2;

    private static readonly string[] RoleOrder = [PersonRoles.LegalRepresentative, PersonRoles.Principal, PersonRoles.Responsible];

    public const string KeptRule = "实施办法第十四条第二款（法制部门将严重失信行为信息记入 SES）、第十七条（有效期自决定书送达之日起计算，届满后由 SES 自动移除）、"
        + "第十八条（记入满 3 个月，第八条第一款第（三）项满 6 个月，可以申请信用修复）";

    public const string PublicRule = "实施办法第二十条：公布因严重失信行为被记入信用记录的组织信息（个人信息不予公布）；"
        + "信用记录被移除的，停止公布并公示移除情况";

    public const string InForceRule = RecordMeasures.Rule + "；实施办法第二十七条第二款：被提起行政复议、行政诉讼的信用信息予以注明，暂停实施基于其的新的惩戒措施；"
        + "查询范围为 SES 中各管理局记入的全部有效信用记录";

    /// <summary>The bureau's records, newest first; <paramref name="state"/> and <paramref name="q"/> (name or identifier) narrow them.</summary>
    public async Task<(RecordList? List, Refusal? Refused)> ListAsync(string bureau, string? state, string? q, CancellationToken ct)
    {
        if (!string.IsNullOrEmpty(state) && !RecordState.All.Contains(state))
        {
            return (null, Refusal.Invalid("state", ErrorCodes.FieldChoiceUnknown, "「状态」应为 in-force、expired、repaired 或 corrected"));
        }
        var records = db.CreditRecords.AsNoTracking().Where(r => r.Bureau == bureau);
        if (!string.IsNullOrEmpty(state)) records = records.Where(r => r.State == state);
        if (!string.IsNullOrWhiteSpace(q)) records = Matching(records, q.Trim());
        var found = await records.OrderByDescending(r => r.Id).Take(500).ToListAsync(ct);
        var persons = await PersonsOf(found, ct);
        var calendar = await calendars.CurrentAsync(ct);
        return (new RecordList(found.Select(r => View(r, persons, calendar)).ToList(), KeptRule), null);
    }

    /// <summary>The bureau's record, or null.</summary>
    public async Task<RecordView?> GetAsync(Guid id, string bureau, CancellationToken ct)
    {
        var record = await db.CreditRecords.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id && r.Bureau == bureau, ct);
        if (record is null) return null;
        return View(record, await PersonsOf([record], ct), await calendars.CurrentAsync(ct));
    }

    /// <summary>
    /// Whether a party has a record in force (实施办法第二十一条), by name (part of it) or identifier, in every bureau's records:
    /// each with its clause, last day, mark and the measures that follow.
    /// </summary>
    public async Task<(InForceAnswer? Answer, Refusal? Refused)> InForceAsync(string? q, CancellationToken ct)
    {
        var query = q?.Trim() ?? "";
        if (query.Length < QueryMinLength)
        {
            return (null, Refusal.Invalid("q", ErrorCodes.RecordQuery, $"请输入相对人名称或者证照号码（至少 {QueryMinLength} 个字符）"));
        }
        if (EntryChecks.Text(engine, "q", "名称或者证照号码", query, 200, lineBreaks: false) is { } bad) return (null, Refusal.Invalid([bad]));
        var found = await Matching(db.CreditRecords.AsNoTracking().Where(r => r.State == RecordState.InForce), query)
            .OrderByDescending(r => r.ValidUntil).ThenBy(r => r.Id).Take(100).ToListAsync(ct);
        var linkedIds = found.Where(r => r.LinkedToRecordId is not null).Select(r => r.LinkedToRecordId!.Value).Distinct().ToList();
        var organisations = await db.CreditRecords.AsNoTracking().Where(r => linkedIds.Contains(r.Id)).ToDictionaryAsync(r => r.Id, r => r.PartyName, ct);
        var calendar = await calendars.CurrentAsync(ct);
        var records = found.Select(r =>
        {
            var clauses = Clauses(r);
            return new InForceRecord(r.Id, r.Bureau, BureauName(r.Bureau), r.PartyName, r.PartyKind, r.IdScheme, r.IdValue,
                r.PersonRole is null ? null : PersonRoles.Label(r.PersonRole), r.LinkedToRecordId is { } o ? organisations.GetValueOrDefault(o) : null,
                r.Act, CaseClauseView.From(CaseClauses.Find(r.GoverningClause)!), clauses, r.DecisionNumber, r.DecisionDeliveredOn, r.ValidUntil,
                r.Mark, RecordMarks.Label(r.Mark), r.MarkedOn, r.Mark is not null, RecordMeasures.For(r.Mark), ValidityRule(r, calendar));
        }).ToList();
        return (new InForceAnswer(query, records.Count > 0, records, InForceRule), null);
    }

    /// <summary>
    /// The public list (实施办法第二十条): organisations with records in force, and organisations' entries taken down, with
    /// when and why. Persons — individuals and those recorded with an organisation — are never in it.
    /// </summary>
    public async Task<PublicFeed> PublicAsync(CancellationToken ct)
    {
        var published = db.CreditRecords.AsNoTracking()
            .Where(r => r.PartyKind == RecordParty.Organisation && r.LinkedToRecordId == null && r.PublishedAt != null);
        var inForce = await published.Where(r => r.State == RecordState.InForce).OrderByDescending(r => r.Id).ToListAsync(ct);
        var removed = await published.Where(r => r.State != RecordState.InForce && r.UnpublishedAt != null).OrderByDescending(r => r.Id).ToListAsync(ct);
        return new PublicFeed(time.GetUtcNow().ToOffset(LegalDates.Beijing), inForce.Select(Public).ToList(),
            removed.OrderByDescending(r => r.UnpublishedAt).Select(Public).ToList(), PublicRule);
    }

    private PublicRecord Public(CreditRecord r)
    {
        var removed = r.State != RecordState.InForce;
        return new PublicRecord(r.Id, r.PartyName, r.IdScheme, r.IdValue, r.Act, r.DecisionNumber, r.DecisionDeliveredOn, r.ValidUntil, BureauName(r.Bureau),
            RecordMarks.Label(r.Mark), r.PublishedAt!.Value.ToOffset(LegalDates.Beijing), removed ? "removed" : RecordState.InForce,
            removed ? r.RemovedOn : null, removed ? r.UnpublishedAt?.ToOffset(LegalDates.Beijing) : null, removed ? r.State : null,
            removed ? RecordState.Label(r.State) : null);
    }

    /// <summary>Records whose identifier is <paramref name="q"/> (any letter case) or whose name contains it.</summary>
    private static IQueryable<CreditRecord> Matching(IQueryable<CreditRecord> records, string q)
    {
        var upper = q.ToUpperInvariant();
        return records.Where(r => r.IdValue == q || r.IdValue == upper || r.PartyName.Contains(q));
    }

    private async Task<ILookup<Guid, CreditRecord>> PersonsOf(List<CreditRecord> records, CancellationToken ct)
    {
        var ids = records.Where(r => r.LinkedToRecordId is null && r.PartyKind == RecordParty.Organisation).Select(r => r.Id).ToList();
        if (ids.Count == 0) return Array.Empty<CreditRecord>().ToLookup(r => r.Id);
        var persons = await db.CreditRecords.AsNoTracking().Where(r => r.LinkedToRecordId != null && ids.Contains(r.LinkedToRecordId.Value))
            .ToListAsync(ct);
        // In the order of 实施办法第八条第三款: the legal representative, the principal, the other directly responsible persons.
        return persons.OrderBy(r => Array.IndexOf(RoleOrder, r.PersonRole)).ThenBy(r => r.Id).ToLookup(r => r.LinkedToRecordId!.Value);
    }

    private static RecordView View(CreditRecord r, ILookup<Guid, CreditRecord> persons, HolidayCalendar calendar) =>
        new(r.Id, r.Bureau, r.CaseId, r.CounterpartyId, r.PartyName, r.PartyKind, r.IdScheme, r.IdValue, r.Act, Clauses(r), r.GoverningClause,
            r.ValidityYears, r.DecisionNumber, r.DecisionDocumentId, r.DecisionDeliveredOn, r.EnteredOn, r.EnteredBy, r.ValidUntil, r.RepairEligibleFrom,
            r.LinkedToRecordId, r.PersonRole, r.PersonRole is null ? null : PersonRoles.Label(r.PersonRole), r.PersonPosition, r.State,
            RecordState.Label(r.State), r.RemovedOn, r.RemovedReason, r.Mark, RecordMarks.Label(r.Mark), r.MarkedOn, r.MarkNote, r.PublishedAt,
            r.UnpublishedAt,
            persons[r.Id].Select(p => new LinkedPersonView(p.Id, p.PersonRole!, PersonRoles.Label(p.PersonRole!), p.PartyName, p.IdScheme, p.IdValue,
                p.PersonPosition, p.State)).ToList(),
            ValidityRule(r, calendar) + "；" + RepairRule(r, calendar));

    private static List<CaseClauseView> Clauses(CreditRecord r) =>
        r.Clauses.Split(',').Select(c => CaseClauses.Find(c)).OfType<CaseClause>().Select(CaseClauseView.From).ToList();

    private static string ValidityRule(CreditRecord r, HolidayCalendar calendar) =>
        CaseTimeLimits.Due(CaseTimeLimits.Find(r.ValidityYears == 3 ? "validity-severe" : "validity-general")!, r.DecisionDeliveredOn, calendar).Rule;

    private static string RepairRule(CreditRecord r, HolidayCalendar calendar) =>
        CaseTimeLimits.Due(CaseTimeLimits.Find(r.ValidityYears == 3 ? "repair-eligible-severe" : "repair-eligible-general")!, r.EnteredOn, calendar).Rule
        + (r.LinkedToRecordId is null ? "" : "；依据实施办法第八条第三款一并记入的个人不得单独申请信用修复（实施办法第十九条）");

    private string BureauName(string code) => engine.Templates.FindBureau(code)?.Name ?? code;
}
