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
using Ses.Service.Units;

namespace Ses.Service.Cases;

/// <summary>
/// Opening credit cases and reading them with their next step and its due date. A refused request stores nothing.
/// </summary>
public sealed class CaseService(SesDbContext db, CalendarStore calendars, DocumentEngine engine, TimeProvider time)
{
    public const int ActLength = 200;
    public const int FactsLength = 4000;
    public const int DecisionLength = 100;

    /// <summary>The step of a case in collection.</summary>
    public const string CollectionStep = "填报采集单";

    public async Task<(CaseView? Case, Refusal? Refused)> CreateAsync(CaseRequest request, string bureau, Guid userId, string actor,
        string source, CancellationToken ct)
    {
        var problems = new List<Problem>();
        if (request.CounterpartyId is null)
        {
            problems.Add(new("counterpartyId", ErrorCodes.FieldRequired, "「相对人」必须选择"));
        }
        else if (!await db.Counterparties.AnyAsync(c => c.Id == request.CounterpartyId && c.SupervisingBureau == bureau, ct))
        {
            return (null, Refusal.Unknown(ErrorCodes.CaseCounterparty, "没有找到该相对人：只能为本局监管的已登记相对人立案"));
        }
        var (clauses, unit) = await CheckAsync(problems, request, bureau, ct);
        if (problems.Count > 0) return (null, Refusal.Invalid(problems));

        var now = time.GetUtcNow();
        var today = LegalDates.BeijingDate(now);
        var creditCase = new CreditCase
        {
            Id = Guid.CreateVersion7(now), Bureau = bureau, CounterpartyId = request.CounterpartyId!.Value, Act = request.Act!.Trim(),
            Facts = request.Facts!.Trim(), ActDate = request.ActDate!.Value, Clauses = string.Join(",", clauses.Select(c => c.Code)),
            DecisionNumber = request.DecisionNumber!.Trim(), DecisionDate = request.DecisionDate!.Value,
            DecisionIssuer = request.DecisionIssuer!.Trim(), CollectingUnitId = unit!.Id, State = CaseState.Collecting,
            CreatedBy = actor, CreatedById = userId, CreatedAt = now, Version = 1,
        };
        var due = CollectionDue(creditCase, unit, await calendars.CurrentAsync(ct));
        (creditCase.DueDate, creditCase.DueRule, creditCase.DueProvisional) = (due.Date, due.Rule, due.Provisional);
        await EvidenceLog.WriteAsync(db, async chain =>
        {
            db.CreditCases.Add(creditCase);
            db.CaseSteps.Add(new CaseStep
            {
                Id = Guid.CreateVersion7(now), CaseId = creditCase.Id, Step = CaseSteps.Opened, Number = 1, DoneOn = today, RecordedAt = now, DoneBy = actor,
                DoneById = userId,
            });
            db.AuditEntries.Add(EvidenceEntries.Audit(now, actor, "case.created", creditCase.Id.ToString(), source));
            await chain.AppendAsync(EvidenceEntries.ForFile($"信用案件 {creditCase.Id}", FactsSha256(creditCase), EvidenceEvents.CaseOpened,
                "case-created", actor, now, new()
                {
                    ["case"] = creditCase.Id.ToString(), ["counterparty"] = creditCase.CounterpartyId.ToString(),
                    ["clauses"] = creditCase.Clauses, ["decision"] = creditCase.DecisionNumber,
                }), ct);
            return creditCase;
        }, ct);
        return (await ViewAsync(creditCase, ct), null);
    }

    /// <summary>
    /// The checks of a case's facts as entered (opening it or changing it before the notice): the texts, the dates (the
    /// decision not before the act, neither after today), the clauses, the collecting unit.
    /// </summary>
    internal async Task<(List<CaseClause> Clauses, Unit? Unit)> CheckAsync(List<Problem> problems, CaseRequest request, string bureau,
        CancellationToken ct)
    {
        Text(problems, engine, "act", "事由", request.Act, ActLength, lineBreaks: false);
        Text(problems, engine, "facts", "事实", request.Facts, FactsLength, lineBreaks: true);
        Text(problems, engine, "decisionNumber", "处理决定或者性质认定文号", request.DecisionNumber, DecisionLength, lineBreaks: false);
        Text(problems, engine, "decisionIssuer", "作出处理决定或者性质认定的机关", request.DecisionIssuer, DecisionLength, lineBreaks: false);
        if (request.ActDate is null) problems.Add(new("actDate", ErrorCodes.FieldRequired, "「违法行为发生日期」必须填写"));
        if (request.DecisionDate is null)
        {
            problems.Add(new("decisionDate", ErrorCodes.FieldRequired, "「处理决定或者性质认定日期」必须填写"));
        }
        else if (request.ActDate is { } act && request.DecisionDate < act)
        {
            problems.Add(new("decisionDate", ErrorCodes.CaseDecisionBeforeAct, "「处理决定或者性质认定日期」不能早于违法行为发生日期"));
        }
        // An act or a decision that has not happened yet cannot be collected (Beijing date).
        var today = LegalDates.BeijingDate(time.GetUtcNow());
        if (request.ActDate > today) problems.Add(new("actDate", ErrorCodes.CaseDateInFuture, "「违法行为发生日期」不能晚于今天"));
        if (request.DecisionDate > today)
        {
            problems.Add(new("decisionDate", ErrorCodes.CaseDateInFuture, "「处理决定或者性质认定日期」不能晚于今天"));
        }
        var clauses = Clauses(problems, request.Clauses);
        var unit = request.CollectingUnitId is null
            ? null
            : await db.Units.AsNoTracking().SingleOrDefaultAsync(u => u.Id == request.CollectingUnitId && u.Bureau == bureau && u.Active, ct);
        if (request.CollectingUnitId is null)
        {
            problems.Add(new("collectingUnitId", ErrorCodes.FieldRequired, "「采集单位」必须选择：本局的局机关部门或监管局"));
        }
        else if (unit is null)
        {
            problems.Add(new("collectingUnitId", ErrorCodes.CaseUnit, "「采集单位」应为本局在用的局机关部门或监管局"));
        }
        else if (await UnsealedAsync(unit, bureau, ct) is { } unsealed)
        {
            problems.Add(new("collectingUnitId", ErrorCodes.FieldSealingUnitUnknown, unsealed));
        }
        return (clauses, unit);
    }

    /// <summary>
    /// Why the case's documents could not be sealed, or null: the collecting unit seals the collection form (采集单位（盖章）,
    /// 实施办法第十条) and the department it submits to (itself, for a department) the transfer slip (附件7: XX处（盖章）), each
    /// with its own seal and key, which only the units of the bureau's profile have.
    /// </summary>
    private async Task<string?> UnsealedAsync(Unit unit, string bureau, CancellationToken ct)
    {
        var profile = engine.Templates.FindBureau(bureau);
        var units = profile?.UnitNames ?? "（未配置盖章单位）";
        var name = profile?.Name ?? "本局";
        if (profile?.FindUnit(unit.Name) is null) return $"「采集单位」{unit.Name}不是{name}的盖章单位，不能在采集单上盖章；盖章单位应为：{units}";
        if (unit.SubmitsToUnitId is not { } up) return null;
        var department = await db.Units.AsNoTracking().SingleAsync(u => u.Id == up, ct);
        return profile.FindUnit(department.Name) is null
            ? $"「采集单位」{unit.Name}报送的部门{department.Name}不是{name}的盖章单位，不能在移送单上盖章；盖章单位应为：{units}"
            : null;
    }

    /// <summary>A case of the bureau, or null.</summary>
    public async Task<CaseView?> GetAsync(Guid id, string bureau, CancellationToken ct) =>
        await db.CreditCases.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id && c.Bureau == bureau, ct) is { } found
            ? await ViewAsync(found, ct)
            : null;

    /// <summary>The officer's own open cases, the most urgent first (those without a time limit last).</summary>
    public async Task<List<MyCaseView>> MineAsync(Guid userId, string bureau, CancellationToken ct)
    {
        var cases = await db.CreditCases.AsNoTracking()
            .Where(c => c.Bureau == bureau && c.CreatedById == userId && CaseState.Open.Contains(c.State)).ToListAsync(ct);
        var counterparties = await NamesAsync(cases, ct);
        var served = await DecisionsDeliveredAsync(cases.Where(c => c.State == CaseState.Transfer).Select(c => c.Id).ToList(), ct);
        var calendar = await calendars.CurrentAsync(ct);
        var today = LegalDates.BeijingDate(time.GetUtcNow());
        return cases
            .Select(c => new MyCaseView(c.Id, counterparties[c.CounterpartyId], c.Act, c.State, CaseState.Label(c.State),
                Next(c, served.TryGetValue(c.Id, out var on) ? on : null, calendar, today)))
            .OrderBy(c => c.Next.DueDate ?? DateOnly.MaxValue).ThenBy(c => c.Id)
            .ToList();
    }

    /// <summary>The bureau's cases transferred to the legal department, waiting to be entered (实施办法第十四条第二款), the most urgent first.</summary>
    public async Task<List<MyCaseView>> AwaitingEntryAsync(string bureau, CancellationToken ct)
    {
        var cases = await db.CreditCases.AsNoTracking().Where(c => c.Bureau == bureau && c.State == CaseState.Entry).ToListAsync(ct);
        var counterparties = await NamesAsync(cases, ct);
        var calendar = await calendars.CurrentAsync(ct);
        var today = LegalDates.BeijingDate(time.GetUtcNow());
        return cases
            .Select(c => new MyCaseView(c.Id, counterparties[c.CounterpartyId], c.Act, c.State, CaseState.Label(c.State), Next(c, null, calendar, today)))
            .OrderBy(c => c.Next.DueDate ?? DateOnly.MaxValue).ThenBy(c => c.Id).ToList();
    }

    /// <summary>The cases of the bureau waiting for the leader's approval (实施办法第十三条).</summary>
    public async Task<List<ApprovalView>> AwaitingApprovalAsync(string bureau, CancellationToken ct)
    {
        var cases = await db.CreditCases.AsNoTracking()
            .Where(c => c.Bureau == bureau && CaseState.AwaitingApproval.Contains(c.State)).OrderBy(c => c.Id).ToListAsync(ct);
        var counterparties = await NamesAsync(cases, ct);
        return cases.Select(c => new ApprovalView(c.Id, counterparties[c.CounterpartyId], c.Act, c.State, CaseState.Label(c.State),
            c.State == CaseState.NoticeApproval ? "实施办法第十三条第一款：经分管局领导批准后告知" : "实施办法第十三条第二款：陈述申辩理由成立的，经分管局领导批准不予记入")).ToList();
    }

    /// <summary>The delivery date of each case's decision, for the cases given that have one.</summary>
    public async Task<Dictionary<Guid, DateOnly>> DecisionsDeliveredAsync(IReadOnlyCollection<Guid> caseIds, CancellationToken ct)
    {
        if (caseIds.Count == 0) return [];
        var rows = await (
            from d in db.Drafts.AsNoTracking()
            join r in db.Deliveries.AsNoTracking() on d.IssuedDocumentId equals r.DocumentId
            where d.CaseId != null && caseIds.Contains(d.CaseId.Value) && d.CaseStep == CaseSteps.Decision && r.DeliveredOn != null
            select new { CaseId = d.CaseId!.Value, On = r.DeliveredOn!.Value }).ToListAsync(ct);
        return rows.GroupBy(r => r.CaseId).ToDictionary(g => g.Key, g => g.Min(r => r.On));
    }

    internal async Task<CaseView> ViewAsync(CreditCase c, CancellationToken ct)
    {
        var name = (await db.Counterparties.AsNoTracking().SingleAsync(p => p.Id == c.CounterpartyId, ct)).Name;
        var unit = await db.Units.AsNoTracking().SingleAsync(u => u.Id == c.CollectingUnitId, ct);
        var clauses = c.Clauses.Split(',').Select(code => CaseClauses.Find(code)!).ToList();
        var governing = CaseClauses.Governing(clauses);
        var served = c.State == CaseState.Transfer ? await DecisionsDeliveredAsync([c.Id], ct) : [];
        var next = CaseState.Open.Contains(c.State)
            ? Next(c, served.TryGetValue(c.Id, out var on) ? on : null, await calendars.CurrentAsync(ct), LegalDates.BeijingDate(time.GetUtcNow()))
            : null;
        var persons = await db.CasePersons.AsNoTracking().Where(p => p.CaseId == c.Id).OrderBy(p => p.Order).ToListAsync(ct);
        var steps = await (
            from s in db.CaseSteps.AsNoTracking()
            where s.CaseId == c.Id
            join d in db.IssuedDocuments.AsNoTracking() on s.DocumentId equals d.Id into docs
            from d in docs.DefaultIfEmpty()
            select new { Step = s, Number = d == null ? null : d.Number }).ToListAsync(ct);
        return new CaseView(c.Id, c.Bureau, c.CounterpartyId, name, c.Act, c.Facts, c.ActDate, clauses.Select(CaseClauseView.From).ToList(),
            governing.Code, governing.ValidityYears, new CaseDecisionView(c.DecisionNumber, c.DecisionDate, c.DecisionIssuer),
            unit.Id, unit.Name, unit.Kind, c.State, CaseState.Label(c.State), c.CreatedBy, c.CreatedAt, next, c.ReplyDeadline,
            persons.Select(p => new CasePersonView(p.Role, PersonRoles.Label(p.Role), p.Name, p.IdScheme, p.IdValue, p.Position)).ToList(),
            steps.OrderBy(x => x.Step.Number).Select(x => new CaseStepRecordView(x.Step.Step, CaseSteps.Label(x.Step.Step),
                x.Step.DoneOn, x.Step.DoneBy, x.Step.RecordedAt.ToOffset(LegalDates.Beijing), x.Step.DueDate, x.Step.DueRule, x.Step.LateWorkingDays,
                x.Step.Result, x.Step.Result is null ? null : CaseSteps.ResultLabel(x.Step.Result), x.Step.Note, x.Step.DocumentId, x.Number,
                x.Step.FileName)).ToList());
    }

    /// <summary>
    /// The step waiting and its due date: the one stored when the case entered its state; for the statement the date the
    /// notice states (实施办法第十三条); after the decision, the transfer slip 3 working days from its delivery
    /// (实施办法第十四条第二款). Steps the rules give no time limit (approvals, issuing the notice, the meeting) have none.
    /// </summary>
    public static CaseStepView Next(CreditCase c, DateOnly? decisionDelivered, HolidayCalendar calendar, DateOnly today)
    {
        switch (c.State)
        {
            case CaseState.Statement when c.ReplyDeadline is { } last && today > last:
                return Open("提请局务会或者授权会议审议（陈述和申辩期限已届满）", $"实施办法第十三条：告知书规定的期限（{last:yyyy-MM-dd}）届满");
            case CaseState.Statement when c.ReplyDeadline is { } last:
                return Dated("等待陈述和申辩（告知书规定的期限）", new LegalDate(last, false, $"陈述和申辩期限：告知书规定 {last:yyyy-MM-dd} 前提交（实施办法第十三条）"));
            case CaseState.Transfer when decisionDelivered is { } on:
                return Dated("填写移送单并移送法制部门", CaseTimeLimits.Due(CaseTimeLimits.Find("transfer")!, on, calendar));
            case CaseState.Transfer:
                return Open("等待认定决定书送达", "实施办法第十四条第二款：决定书生效后移送");
        }
        var step = c.State switch
        {
            CaseState.Collecting => CollectionStep,
            CaseState.OfficeReview => "审核监管局报送的信用信息",
            CaseState.NoticeApproval => "报分管局领导审批告知",
            CaseState.Notice => "发出告知书并送达",
            CaseState.StatementReview => "复核陈述和申辩",
            CaseState.CloseApproval => "报分管局领导审批不予记入",
            CaseState.Meeting => "提请局务会或者授权会议审议",
            CaseState.Decision => "发出认定决定书并送达",
            CaseState.Entry => "法制部门记入信用记录",
            _ => CaseState.Label(c.State),
        };
        return c.DueDate is { } due
            ? Dated(step, new LegalDate(due, c.DueProvisional, c.DueRule ?? ""))
            : Open(step, c.State is CaseState.Meeting ? "实施办法第十四条第一款" : "实施办法第十三条");

        CaseStepView Dated(string name, LegalDate d)
        {
            var left = WorkingDaysLeft(today, d.Date, calendar);
            return new CaseStepView(name, d.Date, d.Provisional, left, today > d.Date, d.Rule);
        }

        static CaseStepView Open(string name, string rule) => new(name, null, false, null, false, rule);
    }

    /// <summary>
    /// The collection form is due 10 working days after the decision's date when a department collects, 5 when a
    /// supervision office does (实施办法第十二条).
    /// </summary>
    public static LegalDate CollectionDue(CreditCase c, Unit unit, HolidayCalendar calendar) =>
        CaseTimeLimits.Due(CaseTimeLimits.Find(unit.Kind == UnitKind.Office ? "collection-office" : "collection-department")!, c.DecisionDate, calendar);

    /// <summary>
    /// Working days after today up to the due date (0 on the due date itself); when it has passed, minus the working days
    /// after it up to today.
    /// </summary>
    public static int WorkingDaysLeft(DateOnly today, DateOnly due, HolidayCalendar calendar)
    {
        var (from, to, sign) = due >= today ? (today, due, 1) : (due, today, -1);
        var count = 0;
        for (var d = from.AddDays(1); d <= to; d = d.AddDays(1))
        {
            if (calendar.IsWorkingDay(d).Working) count++;
        }
        return sign * count;
    }

    private static List<CaseClause> Clauses(List<Problem> problems, IReadOnlyList<string>? codes)
    {
        if (codes is null || codes.Count == 0)
        {
            problems.Add(new("clauses", ErrorCodes.CaseClauseRequired, "至少选择一项适用的实施办法第八条第一款情形"));
            return [];
        }
        var found = new List<CaseClause>();
        for (var i = 0; i < codes.Count; i++)
        {
            if (CaseClauses.Find(codes[i] ?? "") is { } clause)
            {
                found.Add(clause);
            }
            else
            {
                problems.Add(new($"clauses[{i}]", ErrorCodes.CaseClauseUnknown,
                    "实施办法第八条第一款没有这一情形：应为第（一）至（八）项之一，第（二）项须选择其第1至5目"));
            }
        }
        return CaseClauses.All.Where(found.Contains).ToList();
    }

    /// <summary>A required text: the same checks as every text entered (characters, length, fonts; <see cref="EntryChecks.Text"/>).</summary>
    private static void Text(List<Problem> problems, DocumentEngine engine, string field, string label, string? value, int length,
        bool lineBreaks)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            problems.Add(new(field, ErrorCodes.FieldRequired, $"「{label}」必须填写"));
        }
        else if (EntryChecks.Text(engine, field, label, value, length, lineBreaks) is { } bad)
        {
            problems.Add(bad);
        }
    }

    /// <summary>The names of the cases' counterparties.</summary>
    private async Task<Dictionary<Guid, string>> NamesAsync(List<CreditCase> cases, CancellationToken ct)
    {
        var ids = cases.Select(c => c.CounterpartyId).Distinct().ToList();
        return await db.Counterparties.AsNoTracking().Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Name, ct);
    }

    private static string FactsSha256(CreditCase c) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new object[]
        {
            "ses-case-v1", c.Id.ToString("D"), c.Bureau, c.CounterpartyId.ToString("D"), c.Act, c.Facts,
            c.ActDate.ToString("O", CultureInfo.InvariantCulture), c.Clauses,
            c.DecisionNumber, c.DecisionDate.ToString("O", CultureInfo.InvariantCulture), c.DecisionIssuer, c.CollectingUnitId.ToString("D"),
        }))));
}
