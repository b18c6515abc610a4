using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Ses.Documents;
using Ses.Documents.Templates;
using Ses.Documents.Validation;
using Ses.Service.Calendar;
using Ses.Service.Cases;
using Ses.Service.Data;
using Ses.Service.Evidence;
using Ses.Service.Http;

namespace Ses.Service.Records;

/// <summary>
/// Keeping credit records: entering them (实施办法第十四条第二款) inside the caller's evidence transaction, removing them
/// (expiry, repair, correction: 实施办法第十七条、第十九条、第二十四条) with the persons recorded with an organisation, and
/// marking a pending reconsideration or litigation (实施办法第二十七条). Every change writes an evidence entry.
/// </summary>
public sealed class RecordService(SesDbContext db, CalendarStore calendars, DocumentEngine engine, RecordQueries queries, TimeProvider time)
{
    public const int NoteLength = 500;

    /// <summary>
    /// Adds the party's record and one linked record per person recorded with an organisation (实施办法第八条第三款) to the
    /// context, with their validity and the first day a repair may be applied for, an evidence entry <c>RecordEntered</c>
    /// and an audit entry. Does not save: call it inside <see cref="EvidenceLog.WriteAsync{T}"/>, which saves and commits
    /// with the caller's own changes. An organisation's record is published from now on (实施办法第二十条第一款).
    /// </summary>
    public async Task<CreditRecord> StageEntryAsync(EvidenceChain chain, RecordEntry entry, string actor, DateTimeOffset now, CancellationToken ct)
    {
        Check(entry);
        var calendar = await calendars.CurrentAsync(ct);
        var severe = entry.ValidityYears == 3;
        // 实施办法第十七条: from the decision's delivery, 1 year or 3 under 实施办法第八条第一款第（三）项; the last day in force.
        var validUntil = CaseTimeLimits.Due(CaseTimeLimits.Find(severe ? "validity-severe" : "validity-general")!, entry.DecisionDeliveredOn, calendar).Date;
        // 实施办法第十八条: 记入满 3（6）个月 — an application is accepted from the day after the waiting period.
        var repairFrom = CaseTimeLimits.Due(CaseTimeLimits.Find(severe ? "repair-eligible-severe" : "repair-eligible-general")!, entry.EnteredOn, calendar)
            .Date.AddDays(1);
        var organisation = entry.PartyKind == RecordParty.Organisation;
        var record = New(entry, entry.PartyName, entry.PartyKind, entry.IdScheme, entry.IdValue, null, null, null);
        record.PublishedAt = organisation ? now : null;
        var persons = entry.Persons.Select(p => New(entry, p.Name.Trim(), RecordParty.Person, p.IdScheme, p.IdValue.Trim(), record.Id, p.Role, p.Position))
            .ToList();
        db.CreditRecords.Add(record);
        db.CreditRecords.AddRange(persons);
        db.AuditEntries.Add(EvidenceEntries.Audit(now, actor, "record.entered", record.Id.ToString(), "case",
            persons.Count == 0 ? null : $"persons={persons.Count}"));
        await chain.AppendAsync(EvidenceEntries.ForFile(Subject(record), FactsSha256([record, .. persons]), EvidenceEvents.RecordEntered, "record-entered",
            actor, now, new()
            {
                ["record"] = record.Id.ToString(), ["case"] = entry.CaseId.ToString(), ["counterparty"] = entry.CounterpartyId.ToString(),
                ["partyKind"] = entry.PartyKind, ["clauses"] = entry.Clauses, ["governingClause"] = entry.GoverningClause,
                ["decision"] = entry.DecisionNumber, ["decisionDocument"] = entry.DecisionDocumentId.ToString(),
                ["decisionDeliveredOn"] = Date(entry.DecisionDeliveredOn), ["enteredOn"] = Date(entry.EnteredOn), ["validUntil"] = Date(validUntil),
                ["repairEligibleFrom"] = Date(repairFrom), ["persons"] = string.Join(",", persons.Select(p => p.Id)),
                ["published"] = organisation ? "true" : "false",
            }), ct);
        return record;

        CreditRecord New(RecordEntry e, string name, string kind, string scheme, string value, Guid? linkedTo, string? role, string? position) => new()
        {
            Id = Guid.CreateVersion7(now), Bureau = e.Bureau, CaseId = e.CaseId, CounterpartyId = e.CounterpartyId, PartyName = name, PartyKind = kind,
            IdScheme = scheme, IdValue = value, Act = e.Act, Clauses = e.Clauses, GoverningClause = e.GoverningClause, ValidityYears = e.ValidityYears,
            DecisionNumber = e.DecisionNumber, DecisionDocumentId = e.DecisionDocumentId, DecisionDeliveredOn = e.DecisionDeliveredOn,
            EnteredOn = e.EnteredOn, EnteredBy = actor, ValidUntil = validUntil, RepairEligibleFrom = repairFrom, LinkedToRecordId = linkedTo,
            PersonRole = role, PersonPosition = string.IsNullOrWhiteSpace(position) ? null : position.Trim(), State = RecordState.InForce, Version = 1,
        };
    }

    /// <summary>
    /// Removes <paramref name="record"/> (tracked, in force) and the records of the persons recorded with it, in the
    /// caller's evidence transaction (does not save): <paramref name="state"/> is one of <see cref="RecordState.Removed"/>,
    /// <paramref name="on"/> the first day it is no longer in force, <paramref name="reason"/> why, in Chinese. The public
    /// list takes an organisation's entry down and says when (实施办法第二十条第二款). One evidence entry
    /// <c>RecordRemoved</c> per record.
    /// </summary>
    public async Task StageRemovalAsync(EvidenceChain chain, CreditRecord record, string state, string reason, DateOnly on, string actor,
        DateTimeOffset now, CancellationToken ct)
    {
        var linked = record.LinkedToRecordId is null
            ? await db.CreditRecords.Where(r => r.LinkedToRecordId == record.Id && r.State == RecordState.InForce).ToListAsync(ct)
            : [];
        foreach (var r in linked.Prepend(record)) await RemoveOneAsync(chain, r, state, reason, on, actor, "case", now, ct);
    }

    /// <summary>
    /// Removes one record (the expiry job hands over the linked persons itself, in the same batch), with an audit entry
    /// from <paramref name="source"/> unless it is null.
    /// </summary>
    internal async Task RemoveOneAsync(EvidenceChain chain, CreditRecord record, string state, string reason, DateOnly on, string actor, string? source,
        DateTimeOffset now, CancellationToken ct)
    {
        if (!RecordState.Removed.Contains(state)) throw new ArgumentException($"not a removal state: {state}", nameof(state));
        if (record.State != RecordState.InForce) throw new InvalidOperationException($"record {record.Id} is {record.State}, not in force");
        record.State = state;
        record.RemovedOn = on;
        record.RemovedReason = reason;
        if (record.PublishedAt is not null) record.UnpublishedAt = now;
        record.Version++;
        // The expiry job writes one audit entry per batch (source null here); each record still has its evidence entry.
        if (source is not null) db.AuditEntries.Add(EvidenceEntries.Audit(now, actor, "record.removed", record.Id.ToString(), source, state));
        await chain.AppendAsync(EvidenceEntries.ForFile(Subject(record), FactsSha256([record]), EvidenceEvents.RecordRemoved, "record-" + state, actor, now,
            new()
            {
                ["record"] = record.Id.ToString(), ["case"] = record.CaseId.ToString(), ["linkedTo"] = record.LinkedToRecordId?.ToString(),
                ["state"] = state, ["removedOn"] = Date(on), ["validUntil"] = Date(record.ValidUntil), ["reason"] = reason,
                ["unpublishedAt"] = record.UnpublishedAt is null ? null : "true",
            }), ct);
    }

    /// <summary>
    /// Records a change of <paramref name="record"/> (tracked) made by the caller — a correction (实施办法第二十四条), an
    /// organisation change (实施办法第二十二条) — in the caller's evidence transaction (does not save): its version, an
    /// audit entry and an evidence entry <c>RecordAdjusted</c> with <paramref name="detail"/>.
    /// </summary>
    public async Task StageAdjustmentAsync(EvidenceChain chain, CreditRecord record, string action, string actor, string source, DateTimeOffset now,
        Dictionary<string, string?> detail, CancellationToken ct)
    {
        record.Version++;
        db.AuditEntries.Add(EvidenceEntries.Audit(now, actor, "record.adjusted", record.Id.ToString(), source, action));
        detail["record"] = record.Id.ToString();
        await chain.AppendAsync(EvidenceEntries.ForFile(Subject(record), FactsSha256([record]), EvidenceEvents.RecordAdjusted, action, actor, now, detail), ct);
    }

    /// <summary>
    /// Marks the bureau's record as the subject of a reconsideration or litigation filed on <see cref="MarkRequest.FiledOn"/>
    /// (实施办法第二十七条): the mark shows wherever the record is, and new measures based on it are suspended.
    /// </summary>
    public async Task<(RecordView? Record, Refusal? Refused)> MarkAsync(Guid id, MarkRequest request, string bureau, string actor, string source,
        CancellationToken ct)
    {
        var record = await db.CreditRecords.SingleOrDefaultAsync(r => r.Id == id && r.Bureau == bureau, ct);
        if (record is null) return (null, Refusal.NotFound);
        var problems = new List<Problem>();
        if (string.IsNullOrWhiteSpace(request.Kind))
        {
            problems.Add(new("kind", ErrorCodes.FieldRequired, "「标注类型」必须选择"));
        }
        else if (!RecordMarks.All.Contains(request.Kind))
        {
            problems.Add(new("kind", ErrorCodes.RecordMarkKind, "「标注类型」应为 reconsideration（行政复议）或 litigation（行政诉讼）（实施办法第二十七条）"));
        }
        var today = LegalDates.BeijingDate(time.GetUtcNow());
        if (request.FiledOn is not { } filed)
        {
            problems.Add(new("filedOn", ErrorCodes.FieldRequired, "「提起日期」必须填写"));
        }
        else if (filed > today)
        {
            problems.Add(new("filedOn", ErrorCodes.RecordDateInFuture, "「提起日期」不能晚于今天"));
        }
        else if (filed < record.DecisionDeliveredOn)
        {
            problems.Add(new("filedOn", ErrorCodes.RecordMarkBeforeDecision,
                $"「提起日期」不能早于认定决定书送达之日（{DateValue.FormatChinese(record.DecisionDeliveredOn)}）"));
        }
        Note(problems, request.Note);
        if (problems.Count > 0) return (null, Refusal.Invalid(problems));
        if (record.Mark == request.Kind)
        {
            return (null, Refusal.Conflict(ErrorCodes.RecordMarked, $"该信用记录已标注「{RecordMarks.Label(record.Mark)}」"));
        }
        var now = time.GetUtcNow();
        var before = record.Mark;
        (record.Mark, record.MarkedOn, record.MarkNote) = (request.Kind, request.FiledOn, Blank(request.Note));
        var audit = EvidenceEntries.Audit(now, actor, "record.marked", record.Id.ToString(), source, record.Mark);
        return await SaveMarkAsync(record, EvidenceEvents.RecordMarked, "record-marked", audit, new()
        {
            ["record"] = record.Id.ToString(), ["mark"] = record.Mark, ["filedOn"] = Date(record.MarkedOn!.Value), ["previousMark"] = before,
            ["note"] = record.MarkNote,
        }, ct);
    }

    /// <summary>Takes the mark off when the reconsideration or litigation has ended (实施办法第二十七条).</summary>
    public async Task<(RecordView? Record, Refusal? Refused)> UnmarkAsync(Guid id, string bureau, string actor, string source, CancellationToken ct)
    {
        var record = await db.CreditRecords.SingleOrDefaultAsync(r => r.Id == id && r.Bureau == bureau, ct);
        if (record is null) return (null, Refusal.NotFound);
        if (record.Mark is null) return (null, Refusal.Conflict(ErrorCodes.RecordNotMarked, "该信用记录没有复议或诉讼标注"));
        var before = record.Mark;
        var filed = record.MarkedOn;
        (record.Mark, record.MarkedOn, record.MarkNote) = (null, null, null);
        var audit = EvidenceEntries.Audit(time.GetUtcNow(), actor, "record.unmarked", record.Id.ToString(), source, before);
        return await SaveMarkAsync(record, EvidenceEvents.RecordUnmarked, "record-unmarked", audit, new()
        {
            ["record"] = record.Id.ToString(), ["previousMark"] = before, ["filedOn"] = filed is { } f ? Date(f) : null,
        }, ct);
    }

    private async Task<(RecordView? Record, Refusal? Refused)> SaveMarkAsync(CreditRecord record, string @event, string action, AuditEntry audit,
        Dictionary<string, string?> detail, CancellationToken ct)
    {
        record.Version++;
        try
        {
            await EvidenceLog.WriteAsync(db, async chain =>
            {
                db.AuditEntries.Add(audit);
                await chain.AppendAsync(EvidenceEntries.ForFile(Subject(record), FactsSha256([record]), @event, action, audit.Actor, audit.At, detail), ct);
                return 0;
            }, ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return (null, Refusal.Conflict(ErrorCodes.RecordChanged, "该信用记录已被他人修改，请刷新后核对"));
        }
        return (await queries.GetAsync(record.Id, record.Bureau, ct), null);
    }

    private void Note(List<Problem> problems, string? note)
    {
        if (!string.IsNullOrWhiteSpace(note) && EntryChecks.Text(engine, "note", "说明", note, NoteLength, lineBreaks: true) is { } bad) problems.Add(bad);
    }

    /// <summary>An entry the caller builds from its case: a mistake here is a bug, not a refusal.</summary>
    private static void Check(RecordEntry e)
    {
        if (e.ValidityYears is not (1 or 3)) throw new ArgumentException($"validity must be 1 or 3 years, not {e.ValidityYears}", nameof(e));
        if (e.PartyKind is not (RecordParty.Organisation or RecordParty.Person)) throw new ArgumentException($"unknown party kind {e.PartyKind}", nameof(e));
        if (CaseClauses.Find(e.GoverningClause) is not { } governing || governing.ValidityYears != e.ValidityYears)
        {
            throw new ArgumentException($"governing clause {e.GoverningClause} does not give {e.ValidityYears} year(s)", nameof(e));
        }
        if (e.Clauses.Split(',').Any(c => CaseClauses.Find(c) is null)) throw new ArgumentException($"unknown clause in {e.Clauses}", nameof(e));
        // 实施办法第八条第三款: persons are recorded together with an organisation only.
        if (e.PartyKind == RecordParty.Person && e.Persons.Count > 0) throw new ArgumentException("an individual's record has no linked persons", nameof(e));
        if (e.Persons.Any(p => p.Role is not (PersonRoles.LegalRepresentative or PersonRoles.Principal or PersonRoles.Responsible)))
        {
            throw new ArgumentException("unknown person role", nameof(e));
        }
    }

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    /// <summary>The evidence subject of a record (its id, as cases are named).</summary>
    public static string Subject(CreditRecord r) => $"信用记录 {r.Id}";

    private static string Date(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>SHA-256 (hex) of the records' facts as recorded: what the evidence entry stands for.</summary>
    private static string FactsSha256(IEnumerable<CreditRecord> records) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(records.Select(r => new object?[]
        {
            "ses-record-v1", r.Id.ToString("D"), r.Bureau, r.CaseId.ToString("D"), r.CounterpartyId.ToString("D"), r.PartyName, r.PartyKind, r.IdScheme,
            r.IdValue, r.Act, r.Clauses, r.GoverningClause, r.ValidityYears, r.DecisionNumber, r.DecisionDocumentId.ToString("D"),
            Date(r.DecisionDeliveredOn), Date(r.EnteredOn), Date(r.ValidUntil), Date(r.RepairEligibleFrom), r.LinkedToRecordId?.ToString("D"),
            r.PersonRole, r.State, r.RemovedOn is { } on ? Date(on) : null, r.RemovedReason, r.Mark, r.MarkedOn is { } m ? Date(m) : null,
        })))));
}
