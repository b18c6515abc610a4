using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Ses.Documents;
using Ses.Documents.Validation;
using Ses.Service.Calendar;
using Ses.Service.Counterparties;
using Ses.Service.Data;
using Ses.Service.Evidence;
using Ses.Service.Http;
using Ses.Service.Records;

namespace Ses.Service.OrganisationChanges;

/// <summary>
/// Organisation changes (实施办法第二十二条), recorded by administrators or legal staff of the bureau supervising the
/// organisation: renamed — the organisation and its records in force take the new name; merged by absorption — the
/// absorbed organisation's records in force pass to the survivor (its name and identifier); split or merged into a new
/// organisation — nothing moves, the new organisations start clean. The values before are kept, with one evidence entry
/// for the change and one per record changed, in one transaction.
/// </summary>
public sealed class OrganisationChangeService(SesDbContext db, RecordService records, DocumentEngine engine, TimeProvider time)
{
    public const int NameLength = 200;

    public async Task<(OrganisationChangeView? Change, Refusal? Refused)> RecordAsync(OrganisationChangeRequest request, string bureau, string actor,
        string source, CancellationToken ct)
    {
        var problems = new List<Problem>();
        var kind = request.Kind;
        if (string.IsNullOrWhiteSpace(kind))
        {
            problems.Add(new("kind", ErrorCodes.FieldRequired, "「变更类型」必须选择"));
        }
        else if (!OrganisationChangeKinds.All.Contains(kind))
        {
            problems.Add(new("kind", ErrorCodes.OrganisationChangeKind,
                "「变更类型」应为 renamed（名称变更）、split-surviving（存续分立）、split-dissolved（解散分立）、merger-absorption（吸收合并）或 merger-new（新设合并）（实施办法第二十二条）"));
        }
        var party = await OrganisationAsync(problems, "counterpartyId", "组织", request.CounterpartyId, bureau, ct);
        Counterparty? to = null;
        if (kind == OrganisationChangeKinds.MergerAbsorption || request.ToCounterpartyId is not null)
        {
            to = await OrganisationAsync(problems, "toCounterpartyId", kind == OrganisationChangeKinds.MergerAbsorption ? "合并后存续组织" : "新设或者分立组织",
                request.ToCounterpartyId, null, ct);
            if (to is not null && party is not null && to.Id == party.Id)
            {
                problems.Add(new("toCounterpartyId", ErrorCodes.OrganisationChangeSame, "「合并后存续组织」不能是发生变更的组织本身"));
            }
        }
        string? newName = null;
        if (kind == OrganisationChangeKinds.Renamed)
        {
            if (string.IsNullOrWhiteSpace(request.NewName))
            {
                problems.Add(new("newName", ErrorCodes.FieldRequired, "「变更后名称」必须填写"));
            }
            else if (EntryChecks.Text(engine, "newName", "变更后名称", request.NewName, NameLength, lineBreaks: false) is { } bad)
            {
                problems.Add(bad);
            }
            else
            {
                newName = request.NewName.Trim();
                if (party is not null && newName == party.Name) problems.Add(new("newName", ErrorCodes.OrganisationChangeSame, "「变更后名称」与现有名称相同"));
            }
        }
        var today = LegalDates.BeijingDate(time.GetUtcNow());
        if (request.On is not { } on) problems.Add(new("on", ErrorCodes.FieldRequired, "「变更日期」必须填写"));
        else if (on > today) problems.Add(new("on", ErrorCodes.OrganisationChangeDateInFuture, "「变更日期」不能晚于今天"));
        if (problems.Count > 0) return (null, Refusal.Invalid(problems));

        var now = time.GetUtcNow();
        var tracked = await db.Counterparties.SingleAsync(c => c.Id == party!.Id, ct);
        // 实施办法第二十二条: only a change of name or an absorption carries the records on; the other kinds move nothing.
        var moving = kind is OrganisationChangeKinds.Renamed or OrganisationChangeKinds.MergerAbsorption
            ? await db.CreditRecords.Where(r => r.CounterpartyId == party!.Id && r.State == RecordState.InForce).OrderBy(r => r.Id).ToListAsync(ct)
            : [];
        if (kind == OrganisationChangeKinds.Renamed) moving = moving.Where(r => r.LinkedToRecordId == null).ToList();
        var before = moving.Select(r => new ChangedRecord(r.Id, r.CounterpartyId, r.PartyName, r.IdScheme, r.IdValue)).ToList();
        var change = new OrganisationChange
        {
            Id = Guid.CreateVersion7(now), Bureau = bureau, Kind = kind!, CounterpartyId = party!.Id, ToCounterpartyId = to?.Id, OldName = party.Name,
            NewName = newName, On = request.On!.Value, Before = JsonSerializer.Serialize(before), RecordedBy = actor, RecordedAt = now,
        };
        await EvidenceLog.WriteAsync(db, async chain =>
        {
            db.OrganisationChanges.Add(change);
            if (newName is not null) tracked.Name = newName;
            db.AuditEntries.Add(EvidenceEntries.Audit(now, actor, "organisation.changed", party.Id.ToString(), source, kind));
            await chain.AppendAsync(EvidenceEntries.ForFile($"相对人 {party.Id}", FactsSha256(change), EvidenceEvents.OrganisationChanged,
                "organisation-" + kind, actor, now, new()
                {
                    ["change"] = change.Id.ToString(), ["kind"] = kind, ["counterparty"] = party.Id.ToString(), ["to"] = to?.Id.ToString(),
                    ["oldName"] = change.OldName, ["newName"] = newName, ["on"] = Date(change.On), ["records"] = string.Join(",", moving.Select(r => r.Id)),
                }), ct);
            foreach (var r in moving)
            {
                if (kind == OrganisationChangeKinds.MergerAbsorption)
                {
                    r.CounterpartyId = to!.Id;
                    if (r.LinkedToRecordId is null) (r.PartyName, r.IdScheme, r.IdValue) = (to.Name, to.IdScheme, to.IdValue);
                }
                else
                {
                    r.PartyName = newName!;
                }
                await records.StageAdjustmentAsync(chain, r, "record-" + kind, actor, source, now, new()
                {
                    ["change"] = change.Id.ToString(), ["counterparty"] = r.CounterpartyId.ToString(), ["partyName"] = r.PartyName,
                    ["previousCounterparty"] = party.Id.ToString(), ["previousName"] = before.Single(b => b.Record == r.Id).PartyName,
                }, ct);
            }
            return 0;
        }, ct);
        return (View(change, tracked.Name, to?.Name), null);
    }

    /// <summary>The bureau's organisation changes, newest first; of one organisation (changed or survivor) when given.</summary>
    public async Task<List<OrganisationChangeView>> ListAsync(string bureau, Guid? counterpartyId, CancellationToken ct)
    {
        var query = db.OrganisationChanges.AsNoTracking().Where(c => c.Bureau == bureau);
        if (counterpartyId is { } id) query = query.Where(c => c.CounterpartyId == id || c.ToCounterpartyId == id);
        var changes = await query.OrderByDescending(c => c.RecordedAt).Take(500).ToListAsync(ct);
        var ids = changes.Select(c => c.CounterpartyId).Concat(changes.Where(c => c.ToCounterpartyId != null).Select(c => c.ToCounterpartyId!.Value))
            .Distinct().ToList();
        var names = await db.Counterparties.AsNoTracking().Where(c => ids.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Name, ct);
        return changes.Select(c => View(c, names[c.CounterpartyId], c.ToCounterpartyId is { } t ? names[t] : null)).ToList();
    }

    public async Task<OrganisationChangeView?> GetAsync(Guid id, string bureau, CancellationToken ct)
    {
        var change = await db.OrganisationChanges.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id && c.Bureau == bureau, ct);
        if (change is null) return null;
        var to = change.ToCounterpartyId is { } t ? await db.Counterparties.AsNoTracking().Where(c => c.Id == t).Select(c => c.Name).SingleAsync(ct) : null;
        return View(change, change.NewName ?? change.OldName, to);
    }

    /// <summary>An organisation (not an individual); for the changed one, supervised by the caller's bureau.</summary>
    private async Task<Counterparty?> OrganisationAsync(List<Problem> problems, string field, string label, Guid? id, string? bureau, CancellationToken ct)
    {
        if (id is null)
        {
            problems.Add(new(field, ErrorCodes.FieldRequired, $"「{label}」必须选择"));
            return null;
        }
        var party = await db.Counterparties.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, ct);
        if (party is null || party.Kind == CounterpartyKind.Individual || (bureau is not null && party.SupervisingBureau != bureau))
        {
            problems.Add(new(field, ErrorCodes.OrganisationChangeCounterparty, $"「{label}」应为本局监管的组织（个人不适用实施办法第二十二条）"));
            return null;
        }
        return party;
    }

    private static OrganisationChangeView View(OrganisationChange c, string currentName, string? toName) =>
        new(c.Id, c.Kind, OrganisationChangeKinds.Label(c.Kind), c.CounterpartyId, c.OldName, c.NewName, c.ToCounterpartyId, toName, c.On,
            JsonSerializer.Deserialize<List<ChangedRecord>>(c.Before) ?? [], c.RecordedBy, c.RecordedAt, OrganisationChangeKinds.Rule(c.Kind)
            + (c.Kind == OrganisationChangeKinds.Renamed ? $"（现名称：{currentName}）" : ""));

    private static string Date(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string FactsSha256(OrganisationChange c) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new object?[]
        {
            "ses-organisation-change-v1", c.Id.ToString("D"), c.Bureau, c.Kind, c.CounterpartyId.ToString("D"), c.ToCounterpartyId?.ToString("D"), c.OldName,
            c.NewName, Date(c.On), c.Before,
        }))));
}
