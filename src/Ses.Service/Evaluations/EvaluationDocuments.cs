using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Ses.Documents.Validation;
using Ses.Service.Cases;
using Ses.Service.Data;
using Ses.Service.Delivery;
using Ses.Service.Http;
using Ses.Service.Issuing;

namespace Ses.Service.Evaluations;

/// <summary>
/// The written notices of a round (暂行办法第十四条、第十五条: 预评价结果告知书 and 复核结果通知书), issued through a draft linked to
/// the evaluation — so a retry after a failure finds the document already issued instead of taking another number — in
/// their own series (诚评, 诚复), signed, and served through the electronic service like every other document.
/// </summary>
public sealed class EvaluationDocuments(SesDbContext db, DraftService drafts, DeliveryService deliveries)
{
    public const string PreEvaluationForm = "ga-pre-evaluation";

    public const string ReviewForm = "ga-review-result";

    /// <summary>The form data of the pre-evaluation notice.</summary>
    public static JsonObject PreEvaluation(EvaluationRound round, Evaluation e, EvaluationResult result, NoticeOptions options)
    {
        var lines = result.Causes.Select((c, i) => $"{i + 1}．{Line(c)}").ToList();
        var data = new JsonObject
        {
            ["party"] = e.Enterprise, ["year"] = Year(round), ["enterpriseType"] = e.Type,
            ["deducted"] = EvaluationTable.Number(Math.Min(result.Deducted, EvaluationTable.BaseScore)),
            ["score"] = EvaluationTable.Number(result.Score), ["grade"] = result.Grade.ToString(),
            ["deductions"] = lines.Count == 0 ? "无扣分事项。" : string.Join("\n", lines.Select((l, i) => l + (i == lines.Count - 1 ? "。" : "；"))),
            ["publishedOn"] = Day(round.PublishedOn!.Value), ["publicationEndsOn"] = Day(round.PublicationEndsOn!.Value),
        };
        return Contact(data, options.Contact, options.ContactPhone);
    }

    /// <summary>The form data of the review result notice.</summary>
    public static JsonObject Review(EvaluationRound round, Evaluation e, DateOnly appliedOn, string preNumber, EvaluationResult result, bool changed,
        string reasons, ReviewDecision decision)
    {
        var data = new JsonObject
        {
            ["party"] = e.Enterprise, ["appliedOn"] = Day(appliedOn), ["year"] = Year(round), ["preNumber"] = preNumber,
            ["result"] = changed ? "changed" : "upheld", ["score"] = EvaluationTable.Number(result.Score), ["grade"] = result.Grade.ToString(),
            ["reasons"] = reasons,
        };
        return Contact(data, decision.Contact, decision.ContactPhone);
    }

    /// <summary>
    /// Issues the notice <paramref name="step"/> of the evaluation from <paramref name="data"/> and serves it; a notice the
    /// step already issued (and not voided) is served if it was not, and returned.
    /// </summary>
    public async Task<(IssuedDocument? Document, Refusal? Refused)> IssueAndServeAsync(Evaluation e, string step, string formId, JsonObject data,
        ServiceMode? mode, CaseActor actor, CancellationToken ct)
    {
        var existing = await db.Drafts.AsNoTracking().Where(d => d.EvaluationId == e.Id && d.CaseStep == step).OrderByDescending(d => d.CreatedAt)
            .FirstOrDefaultAsync(ct);
        IssuedDocument? document = null;
        var seen = existing?.Id; // StepLink.Seen: the attempt follows the draft this request decided on
        if (existing?.IssuedDocumentId is { } issuedId)
        {
            document = await db.IssuedDocuments.AsNoTracking().SingleAsync(d => d.Id == issuedId, ct);
            if (document.VoidedAt is not null) (document, existing) = (null, null);
        }
        if (document is null)
        {
            using var json = JsonDocument.Parse(data.ToJsonString());
            Draft? draft;
            Refusal? refused;
            if (existing is null)
            {
                (draft, refused) = await drafts.CreateAsync(new DraftRequest(formId, json.RootElement, null, e.CounterpartyId), actor.Bureau,
                    actor.UserName, actor.Source, ct, new StepLink(null, e.Id, step, seen));
                if (draft is null) return (null, refused);
            }
            else
            {
                (draft, refused) = await drafts.UpdateAsync(existing.Id, new DraftUpdate(json.RootElement, existing.Version, e.CounterpartyId),
                    actor.Bureau, actor.UserName, actor.Source, ct);
                if (draft is null) return (null, refused);
            }
            (document, refused) = await drafts.IssueAsync(draft.Id, actor.Bureau, actor.UserName, actor.Source, ct);
            if (document is null) return (null, refused);
        }
        if (!await db.Deliveries.AsNoTracking().AnyAsync(d => d.DocumentId == document.Id, ct))
        {
            var (_, notServed) = await deliveries.ServeAsync(document.Id, actor.Bureau, mode, actor.UserName, ct);
            if (notServed is not null) return (null, notServed);
        }
        return (document, null);
    }

    /// <summary>The mode to serve the enterprise's notice in, checked before anything is issued.</summary>
    public async Task<ServiceMode?> ModeAsync(List<Problem> problems, Guid counterpartyId, string? given, CancellationToken ct)
    {
        var requested = CaseDocumentSteps.Mode(problems, given);
        if (problems.Any(p => p.Field == "mode")) return null;
        var (mode, _, problem) = await deliveries.ModeAsync(counterpartyId, requested, important: false, ct);
        if (problem is not null) problems.Add(problem);
        return mode;
    }

    /// <summary>One cause as the notice lists it: its date, what happened, the points and the row.</summary>
    public static string Line(CauseDeduction c)
    {
        var h = c.Highest;
        var cause = c.Cause is null ? "" : $"（事由：{c.Cause}）";
        var repeated = c.Repeated ? $"；同一事由被处罚 {c.Punishments} 次，另扣50分（附表第7项）" : "";
        return $"{h.Date.Year}年{h.Date.Month}月{h.Date.Day}日{EvaluationTable.Title(h.Item)}{cause}，扣{EvaluationTable.Number(h.Value)}分（附表第{h.Item}项）{repeated}";
    }

    private static JsonObject Contact(JsonObject data, string? contact, string? phone)
    {
        if (!string.IsNullOrWhiteSpace(contact)) data["contact"] = contact.Trim();
        if (!string.IsNullOrWhiteSpace(phone)) data["contactPhone"] = phone.Trim();
        return data;
    }

    private static string Year(EvaluationRound round) => round.Year.ToString(CultureInfo.InvariantCulture);

    private static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
