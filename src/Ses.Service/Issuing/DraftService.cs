using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Ses.Documents;
using Ses.Documents.Validation;
using Ses.Service.Data;
using Ses.Service.Evidence;
using Ses.Service.Http;

namespace Ses.Service.Issuing;

/// <summary>
/// Drafts of a bureau, for the API and the officer's pages alike: start, change (with the version read), preview as
/// issuing would print it, issue. Drafts of other bureaus are not found.
/// </summary>
public sealed class DraftService(SesDbContext db, DocumentEngine engine, IssuingService issuing, TimeProvider time)
{
    public Task<Draft?> OwnAsync(Guid id, string bureau, CancellationToken ct) =>
        db.Drafts.SingleOrDefaultAsync(d => d.Id == id && d.Bureau == bureau, ct);

    public async Task<(Draft? Draft, Refusal? Refused)> CreateAsync(DraftRequest request, string bureau, string actor, string source, CancellationToken ct)
    {
        var form = engine.Templates.FindForm(request.FormId);
        if (form is null) return (null, Refusal.Invalid("formId", "form.unknown", $"没有这个表单：{request.FormId}"));
        if (request.Data.ValueKind != JsonValueKind.Object) return (null, Refusal.Invalid("data", "data.not-object", "「data」应为 JSON 对象"));
        if (EntryChecks.Draft(engine, request.FormId, request.Data) is { Count: > 0 } unprintable) return (null, Refusal.Invalid(unprintable));
        var (json, problems, _) = await PrepareAsync(form, request.Data, request.CounterpartyId, request.Replaces, bureau, ct);
        if (problems.Count > 0) return (null, Refusal.Invalid(problems));
        var now = time.GetUtcNow();
        var draft = new Draft
        {
            Id = Guid.CreateVersion7(now), Bureau = bureau, FormId = request.FormId, DataJson = json,
            Replaces = request.Replaces, CounterpartyId = request.CounterpartyId, CreatedBy = actor, CreatedAt = now, UpdatedAt = now, Version = 1,
        };
        db.Drafts.Add(draft);
        db.AuditEntries.Add(EvidenceEntries.Audit(now, actor, "draft.created", draft.Id.ToString(), source));
        await db.SaveChangesAsync(ct);
        return (draft, null);
    }

    public async Task<(Draft? Draft, Refusal? Refused)> UpdateAsync(Guid id, DraftUpdate update, string bureau, string actor, string source, CancellationToken ct)
    {
        var draft = await OwnAsync(id, bureau, ct);
        if (draft is null) return (null, Refusal.NotFound);
        if (draft.IssuedDocumentId is not null) return (null, Refusal.Conflict("draft.issued", "草稿已签发，不能再修改；更正请新建文书并引用原文书"));
        if (draft.Version != update.Version) return (null, Refusal.Conflict("draft.version", "草稿已被他人修改，请重新打开后再保存"));
        if (update.Data.ValueKind != JsonValueKind.Object) return (null, Refusal.Invalid("data", "data.not-object", "「data」应为 JSON 对象"));
        if (EntryChecks.Draft(engine, draft.FormId, update.Data) is { Count: > 0 } unprintable) return (null, Refusal.Invalid(unprintable));
        var counterpartyId = update.CounterpartyId ?? draft.CounterpartyId;
        var (json, problems, _) = await PrepareAsync(engine.Templates.FindForm(draft.FormId), update.Data, counterpartyId, draft.Replaces, bureau, ct);
        if (problems.Count > 0) return (null, Refusal.Invalid(problems));
        draft.DataJson = json;
        draft.CounterpartyId = counterpartyId;
        draft.UpdatedAt = time.GetUtcNow();
        draft.Version++;
        db.AuditEntries.Add(EvidenceEntries.Audit(draft.UpdatedAt, actor, "draft.updated", draft.Id.ToString(), source));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return (null, Refusal.Conflict("draft.version", "草稿已被他人修改，请重新打开后再保存"));
        }
        return (draft, null);
    }

    /// <summary>
    /// The field problems issuing the draft now would meet (the proposed reply date included), without taking a
    /// number; the values are those issuing would use.
    /// </summary>
    public async Task<(Ses.Documents.Templates.FormInput? Input, IReadOnlyList<Problem> Problems)> CheckAsync(Draft draft, CancellationToken ct)
    {
        var values = JsonNode.Parse(draft.DataJson)!.AsObject();
        if (await issuing.ProposeReplyDateAsync(engine.Templates.FindForm(draft.FormId)!, values, time.GetUtcNow(), ct) is { } problem) return (null, [problem]);
        using var data = JsonDocument.Parse(values.ToJsonString());
        return engine.Validate(draft.FormId, data.RootElement, draft.Bureau);
    }

    /// <summary>
    /// The draft as PDF, as issuing now would print it but visibly a draft: unnumbered, unsigned and marked 「样稿」 on
    /// every page; or its field problems.
    /// </summary>
    public async Task<(byte[]? Pdf, IReadOnlyList<Problem> Problems)> PreviewAsync(Draft draft, CancellationToken ct)
    {
        var (input, problems) = await CheckAsync(draft, ct);
        return input is null ? (null, problems) : (engine.Render(input, OutputFormat.Pdf, Ses.Documents.Rendering.RenderOptions.Draft).Content, []);
    }

    public async Task<(IssuedDocument? Document, Refusal? Refused)> IssueAsync(Guid id, string bureau, string actor, string source, CancellationToken ct)
    {
        var draft = await OwnAsync(id, bureau, ct);
        if (draft is null) return (null, Refusal.NotFound);
        if (draft.IssuedDocumentId is not null) return (null, Refusal.Conflict("draft.issued", "草稿已签发"));
        // Checked again: the counterparty may have moved to another bureau or been renamed since the draft was saved.
        using var saved = JsonDocument.Parse(draft.DataJson);
        var (json, refused, counterparty) = await PrepareAsync(engine.Templates.FindForm(draft.FormId), saved.RootElement, draft.CounterpartyId, draft.Replaces, bureau, ct);
        if (refused.Count > 0) return (null, Refusal.Invalid(refused));
        using var data = JsonDocument.Parse(json);
        try
        {
            var (document, problems) = await issuing.IssueAsync(new IssueRequest(draft.FormId, data.RootElement, draft.Bureau,
                actor, source, draft.Replaces, draft.Id, draft.CounterpartyId, counterparty?.Name, draft.Version), ct);
            return document is null ? (null, Refusal.Invalid(problems)) : (document, null);
        }
        catch (Exception e) when (e is DraftAlreadyIssuedException or DbUpdateException && !Storage.StorageFull.Is(e))
        {
            return (null, Refusal.Conflict("draft.issued", "草稿已签发"));
        }
        catch (DraftChangedException)
        {
            return (null, Refusal.Conflict("draft.version", "草稿在签发前已被他人修改，未签发；请重新打开核对后再签发"));
        }
        catch (Ses.Service.Signing.BureauKeyMissingException e)
        {
            return (null, new Refusal(StatusCodes.Status503ServiceUnavailable, Ses.Service.Signing.BureauKeyMissingException.Code, e.Message, []));
        }
        catch (Ses.Documents.Signing.Crypto.TimestampException)
        {
            return (null, new Refusal(StatusCodes.Status503ServiceUnavailable, "tsa.unavailable", "时间戳服务不可用，未签发，文号未占用", []));
        }
    }

    /// <summary>
    /// Checks what a draft refers to and takes the party from the counterparty: the counterparty must be one the
    /// bureau supervises and the replaced document one of the bureau's own — an unknown id and another bureau's are
    /// refused alike, so the refusal never tells that the other exists; the party fields are filled from the
    /// counterparty or refused when typed differently (<see cref="PartyFields"/>). Returns the data to store.
    /// </summary>
    private async Task<(string Json, List<Problem> Problems, Counterparties.Counterparty? Counterparty)> PrepareAsync(
        Ses.Documents.Templates.FormTemplate? form, JsonElement data, Guid? counterpartyId, Guid? replaces, string bureau, CancellationToken ct)
    {
        var problems = new List<Problem>();
        var json = data.GetRawText();
        Counterparties.Counterparty? counterparty = null;
        if (counterpartyId is { } cp)
        {
            counterparty = await db.Counterparties.AsNoTracking().SingleOrDefaultAsync(c => c.Id == cp && c.SupervisingBureau == bureau, ct);
            if (counterparty is null) problems.Add(new Problem("counterpartyId", "counterparty.unknown", "「相对人」未登记"));
        }
        if (replaces is { } r && !await db.IssuedDocuments.AnyAsync(d => d.Id == r && d.Bureau == bureau, ct))
        {
            problems.Add(new Problem("replaces", "document.unknown", "「被更正的文书」不存在"));
        }
        if (counterparty is not null && form is not null && JsonNode.Parse(json) is JsonObject values)
        {
            var before = values.ToJsonString();
            problems.AddRange(Counterparties.PartyFields.Apply(form, values, counterparty));
            if (values.ToJsonString() != before) json = values.ToJsonString(Readable);
        }
        return (json, problems, counterparty);
    }

    private static readonly JsonSerializerOptions Readable = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}
