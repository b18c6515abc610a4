using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Ses.Documents;
using Ses.Documents.Rendering;
using Ses.Documents.Signing.Crypto;
using Ses.Documents.Templates;
using Ses.Documents.Validation;
using Ses.Service.Counterparties;
using Ses.Service.Data;
using Ses.Service.Evidence;
using Ses.Service.Http;

namespace Ses.Service.Issuing;

/// <summary>
/// Drafts of a bureau, for the API and the officer's pages alike: start, change (with the version read), preview as
/// issuing would print it, issue. Drafts of other bureaus are not found.
/// </summary>
/// <remarks>
/// Issuing validates the document (invalid input never takes a number), then hands it to the <see cref="IssueQueue"/>,
/// which takes the next number of its series, renders the PDF and DOCX with it, signs the PDF with a timestamp, stores
/// both files, and records the document, the audit entry and the evidence entry in one transaction. If any step fails
/// nothing is stored and the number is not consumed.
/// </remarks>
public sealed class DraftService(SesDbContext db, DocumentEngine engine, IssueQueue queue, Calendar.CalendarStore calendars,
    Signing.SigningContext signing, TimeProvider time)
{
    public Task<Draft?> OwnAsync(Guid id, string bureau, CancellationToken ct) =>
        db.Drafts.SingleOrDefaultAsync(d => d.Id == id && d.Bureau == bureau, ct);

    public async Task<(Draft? Draft, Refusal? Refused)> CreateAsync(DraftRequest request, string bureau, string actor, string source, CancellationToken ct,
        StepLink? link = null)
    {
        var form = engine.Templates.FindForm(request.FormId);
        if (form is null) return (null, Refusal.Invalid("formId", ErrorCodes.FormUnknown, $"没有这个表单：{request.FormId}"));
        if (request.Data.ValueKind != JsonValueKind.Object) return (null, Refusal.Invalid("data", ErrorCodes.DataNotObject, "「data」应为 JSON 对象"));
        if (EntryChecks.Draft(engine, request.FormId, request.Data) is { Count: > 0 } unprintable) return (null, Refusal.Invalid(unprintable));
        var (json, problems, _) = await PrepareAsync(form, request.Data, request.CounterpartyId, request.Replaces, bureau, ct);
        if (problems.Count > 0) return (null, Refusal.Invalid(problems));
        var now = time.GetUtcNow();
        var draft = new Draft
        {
            Id = Guid.CreateVersion7(now), Bureau = bureau, FormId = request.FormId, DataJson = json,
            Replaces = request.Replaces, CounterpartyId = request.CounterpartyId, CreatedBy = actor, CreatedAt = now, UpdatedAt = now, Version = 1,
        };
        if (link is not null)
        {
            (draft.CaseId, draft.EvaluationId, draft.CaseStep) = (link.CaseId, link.EvaluationId, link.Step);
            draft.StepAttempt = await AttemptAsync(link, ct);
        }
        db.Drafts.Add(draft);
        var audit = db.AuditEntries.Add(EvidenceEntries.Audit(now, actor, "draft.created", draft.Id.ToString(), source));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (link is not null && UniqueViolation.Is(e))
        {
            // Another request created this attempt's draft first (and issues it): nothing of this one is stored.
            db.Entry(draft).State = EntityState.Detached;
            audit.State = EntityState.Detached;
            return (null, Refusal.Conflict(ErrorCodes.DraftStepTaken, "这一环节的文书正由他人同时签发，这次操作没有执行，请刷新后查看"));
        }
        return (draft, null);
    }

    /// <summary>
    /// The attempt at the step's document a new draft is: one more than the step's drafts up to the one the caller saw
    /// last (a document issued and voided counts; none seen: the first attempt). Drafts other requests created after
    /// that are not counted, so two requests that decided on the same state count the same attempt and meet the
    /// unique index: the second is refused <c>draft.step-taken</c>.
    /// </summary>
    private async Task<int> AttemptAsync(StepLink link, CancellationToken ct)
    {
        if (link.Seen is not { } seen) return 1;
        var step = link.CaseId is { } caseId
            ? db.Drafts.Where(d => d.CaseId == caseId && d.CaseStep == link.Step)
            : db.Drafts.Where(d => d.EvaluationId == link.EvaluationId && d.CaseStep == link.Step);
        var seenAt = await db.Drafts.Where(d => d.Id == seen).Select(d => d.CreatedAt).SingleAsync(ct);
        return 1 + await step.CountAsync(d => d.CreatedAt <= seenAt, ct);
    }

    public async Task<(Draft? Draft, Refusal? Refused)> UpdateAsync(
        Guid id, DraftUpdate update, string bureau, string actor, string source, CancellationToken ct)
    {
        var draft = await OwnAsync(id, bureau, ct);
        if (draft is null) return (null, Refusal.NotFound);
        if (draft.IssuedDocumentId is not null) return (null, Refusal.Conflict(ErrorCodes.DraftIssued, "草稿已签发，不能再修改；更正请新建文书并引用原文书"));
        if (draft.Version != update.Version) return (null, Refusal.Conflict(ErrorCodes.DraftVersion, "草稿已被他人修改，请重新打开后再保存"));
        if (update.Data.ValueKind != JsonValueKind.Object) return (null, Refusal.Invalid("data", ErrorCodes.DataNotObject, "「data」应为 JSON 对象"));
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
            return (null, Refusal.Conflict(ErrorCodes.DraftVersion, "草稿已被他人修改，请重新打开后再保存"));
        }
        return (draft, null);
    }

    /// <summary>
    /// The field problems issuing the draft now would meet (the proposed reply date included), without taking a
    /// number; the values are those issuing would use.
    /// </summary>
    public async Task<(FormInput? Input, IReadOnlyList<Problem> Problems)> CheckAsync(Draft draft, CancellationToken ct)
    {
        var values = JsonNode.Parse(draft.DataJson)!.AsObject();
        var form = engine.Templates.FindForm(draft.FormId)!;
        var now = time.GetUtcNow();
        if (await ProposeReplyDateAsync(form, values, now, ct) is { } problem) return (null, [problem]);
        if (AfterIssue(form, values, now) is { Count: > 0 } late) return (null, late);
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
        return input is null ? (null, problems) : (engine.Render(input, OutputFormat.Pdf, RenderOptions.Draft).Content, []);
    }

    public async Task<(IssuedDocument? Document, Refusal? Refused)> IssueAsync(Guid id, string bureau, string actor, string source, CancellationToken ct)
    {
        var draft = await OwnAsync(id, bureau, ct);
        if (draft is null) return (null, Refusal.NotFound);
        if (draft.IssuedDocumentId is not null) return (null, Refusal.Conflict(ErrorCodes.DraftIssued, "草稿已签发"));
        // Checked again: the counterparty may have moved to another bureau or been renamed since the draft was saved.
        using var saved = JsonDocument.Parse(draft.DataJson);
        var (json, refused, counterparty) =
            await PrepareAsync(engine.Templates.FindForm(draft.FormId), saved.RootElement, draft.CounterpartyId, draft.Replaces, bureau, ct);
        if (refused.Count > 0) return (null, Refusal.Invalid(refused));
        using var data = JsonDocument.Parse(json);
        try
        {
            var (document, problems) = await IssueAsync(new IssueRequest
            {
                FormId = draft.FormId, Data = data.RootElement, Bureau = draft.Bureau, Officer = actor, Source = source,
                Replaces = draft.Replaces, DraftId = draft.Id, DraftVersion = draft.Version,
                CounterpartyId = draft.CounterpartyId, CounterpartyName = counterparty?.Name,
            }, ct);
            return document is null ? (null, Refusal.Invalid(problems)) : (document, null);
        }
        catch (DraftAlreadyIssuedException)
        {
            return (null, Refusal.Conflict(ErrorCodes.DraftIssued, "草稿已签发"));
        }
        // Issued meanwhile by another process: the unique index on the issued documents' draft, or the draft's
        // concurrency token (PostgreSQL). Any other failure of the save (a full disk, a lock timeout) is not an answer.
        catch (DbUpdateException e) when (e is DbUpdateConcurrencyException || UniqueViolation.Is(e))
        {
            return (null, Refusal.Conflict(ErrorCodes.DraftIssued, "草稿已签发"));
        }
        catch (DraftChangedException)
        {
            return (null, Refusal.Conflict(ErrorCodes.DraftVersion, "草稿在签发前已被他人修改，未签发；请重新打开核对后再签发"));
        }
        catch (Signing.BureauKeyMissingException e)
        {
            return (null, e.Refusal);
        }
        catch (TimestampException)
        {
            return (null, new Refusal(StatusCodes.Status503ServiceUnavailable, ErrorCodes.TsaUnavailable, "时间戳服务不可用，未签发，文号未占用", []));
        }
    }

    /// <summary>
    /// Issues the request, or returns the field problems. A form the counterparty writes is refused
    /// (<c>form.counterparty-authored</c>); a bureau without its own signing key is refused with
    /// <see cref="Signing.BureauKeyMissingException"/> before any number is taken.
    /// </summary>
    internal async Task<(IssuedDocument? Document, IReadOnlyList<Problem> Problems)> IssueAsync(IssueRequest request, CancellationToken ct)
    {
        var form = engine.Templates.FindForm(request.FormId);
        if (form is { IsCounterpartyAuthored: true })
        {
            return (null, [new Problem("form", ErrorCodes.FormCounterpartyAuthored, $"《{form.Title}》由相对人出具并盖章，本局不签发、不签名、不盖章")]);
        }
        if (form?.Series is null)
        {
            return (null, [new Problem("form", form is null ? ErrorCodes.FormUnknown : ErrorCodes.FormNotNumbered,
                form is null ? $"没有这个表单：{request.FormId}" : $"表单 {request.FormId} 不编文号，不能以发文方式签发")]);
        }
        // Validated before the transaction: invalid input never takes a number.
        var data = JsonNode.Parse(request.Data.GetRawText()) as JsonObject;
        data?.Remove(FormValidator.NumberKey);
        var now = time.GetUtcNow();
        if (data is not null && await ProposeReplyDateAsync(form, data, now, ct) is { } tooEarly) return (null, [tooEarly]);
        if (data is not null) FillIssueDate(form, data, now);
        if (data is not null && AfterIssue(form, data, now) is { Count: > 0 } late) return (null, late);
        using var unnumbered = JsonDocument.Parse(data?.ToJsonString() ?? "null");
        var (input, problems) = engine.Validate(request.FormId, unnumbered.RootElement, request.Bureau);
        if (input is null) return (null, problems);
        // Only the key of the unit or bureau that seals it signs it; without one nothing is queued and no number is taken.
        signing.Require(input);

        var year = now.ToOffset(Calendar.LegalDates.Beijing).Year; // the Beijing year of issue (GB/T 9704-2012 §7.2.5)
        return (await queue.IssueAsync(new IssueJob(request, form, input, data?.ToJsonString() ?? "{}", now, year)), []);
    }

    /// <summary>
    /// Fills an empty 成文日期 (a field marked <c>"proposal": "issue-date"</c>) with the Beijing date of issue, so a
    /// sealed document never prints a blank 「年 月 日」 (GB/T 9704-2012 §7.3.5.1: 成文日期 under the issuing body).
    /// </summary>
    internal static void FillIssueDate(FormTemplate form, JsonObject data, DateTimeOffset now)
    {
        foreach (var field in form.Fields.Where(f => f.Proposal == "issue-date"))
        {
            // Anything but an empty string or nothing is left to the validator.
            if (data[field.Name] is { } node && !(node is JsonValue v && v.TryGetValue(out string? given) && string.IsNullOrWhiteSpace(given))) continue;
            data[field.Name] = DateOnly.FromDateTime(now.ToOffset(Calendar.LegalDates.Beijing).DateTime).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        }
    }

    /// <summary>
    /// (Issuing and the preview.) The dates of what has happened (fields marked <c>"past"</c>: the act, an application
    /// received, the 成文日期) later than the Beijing date of issue: a document cannot state as done what has not happened
    /// by the day it is sealed. A value that is not a date is left to the validator.
    /// </summary>
    private static List<Problem> AfterIssue(FormTemplate form, JsonObject data, DateTimeOffset now)
    {
        var today = Calendar.LegalDates.BeijingDate(now);
        var problems = new List<Problem>();
        foreach (var field in form.Fields.Where(f => f.Past))
        {
            if (data[field.Name] is JsonValue v && v.TryGetValue(out string? given)
                && DateOnly.TryParseExact(given.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) && date > today)
            {
                problems.Add(new Problem(field.Name, ErrorCodes.FieldDateAfterIssue,
                    $"「{field.Label}」{DateValue.FormatChinese(date)}晚于签发之日 {DateValue.FormatChinese(today)}（北京时间）：文书不能记载签发时尚未发生的事"));
            }
        }
        return problems;
    }

    /// <summary>
    /// (Issuing and the preview.) Fills an empty reply date with the proposal for issuing at <paramref name="now"/>, and
    /// refuses one that leaves fewer than 5 full working days after the latest possible delivery (the deemed date, if
    /// nobody confirms): 实施办法第十三条, 确认函第二条第四项.
    /// </summary>
    private async Task<Problem?> ProposeReplyDateAsync(FormTemplate form, JsonObject data, DateTimeOffset now, CancellationToken ct)
    {
        var field = form.Fields.FirstOrDefault(f => f.Proposal == "reply-date");
        if (field is null) return null;
        var proposal = Calendar.LegalDates.ProposedReplyDate(now, await calendars.CurrentAsync(ct));
        var node = data[field.Name];
        string? given = null;
        // Anything but a string is left to the validator, which reports its type.
        if (node is not null && !(node is JsonValue v && v.TryGetValue(out given))) return null;
        if (string.IsNullOrWhiteSpace(given))
        {
            data[field.Name] = proposal.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            return null;
        }
        return DateOnly.TryParseExact(given.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) && date < proposal.Date
            ? new Problem(field.Name, ErrorCodes.FieldReplyDateTooEarly,
                $"「{field.Label}」早于 {DateValue.FormatChinese(proposal.Date)}：相对人即使视为送达也应有完整的 5 个工作日陈述和申辩（实施办法第十三条）")
            : null;
    }

    /// <summary>
    /// Checks what a draft refers to and takes the party from the counterparty: the counterparty must be one the
    /// bureau supervises and the replaced document one of the bureau's own — an unknown id and another bureau's are
    /// refused alike, so the refusal never tells that the other exists; the party fields are filled from the
    /// counterparty or refused when typed differently (<see cref="PartyFields"/>). Returns the data to store.
    /// </summary>
    private async Task<(string Json, List<Problem> Problems, Counterparty? Counterparty)> PrepareAsync(
        FormTemplate? form, JsonElement data, Guid? counterpartyId, Guid? replaces, string bureau, CancellationToken ct)
    {
        var problems = new List<Problem>();
        var json = data.GetRawText();
        Counterparty? counterparty = null;
        if (counterpartyId is { } cp)
        {
            counterparty = await db.Counterparties.AsNoTracking().SingleOrDefaultAsync(c => c.Id == cp && c.SupervisingBureau == bureau, ct);
            if (counterparty is null) problems.Add(new Problem("counterpartyId", ErrorCodes.CounterpartyUnknown, "「相对人」未登记"));
        }
        if (replaces is { } r && !await db.IssuedDocuments.AnyAsync(d => d.Id == r && d.Bureau == bureau, ct))
        {
            problems.Add(new Problem("replaces", ErrorCodes.DocumentUnknown, "「被更正的文书」不存在"));
        }
        if (counterparty is not null && form is not null && JsonNode.Parse(json) is JsonObject values)
        {
            var before = values.ToJsonString();
            problems.AddRange(PartyFields.Apply(form, values, counterparty));
            if (values.ToJsonString() != before) json = values.ToJsonString(Readable);
        }
        return (json, problems, counterparty);
    }

    private static readonly JsonSerializerOptions Readable = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}
