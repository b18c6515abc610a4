using System.Text.Json.Nodes;
using Ses.Documents;
using Ses.Documents.Validation;

namespace Ses.Service.Issuing;

/// <summary>
/// Issues a document: validates it (invalid input never takes a number), then hands it to the <see cref="IssueQueue"/>,
/// which takes the next number of its series, renders the PDF and DOCX with it, signs the PDF with a timestamp,
/// stores both files, and records the document, the audit entry and the evidence entry in one transaction. If any
/// step fails nothing is stored and the number is not consumed.
/// </summary>
public sealed class IssuingService(DocumentEngine engine, IssueQueue queue, TimeProvider time, Calendar.CalendarStore calendars, Signing.SigningContext signing)
{
    /// <summary>
    /// Issues the request, or returns the field problems. A form the counterparty writes is refused
    /// (<c>form.counterparty-authored</c>); a bureau without its own signing key is refused with
    /// <see cref="Signing.BureauKeyMissingException"/> before any number is taken.
    /// </summary>
    public async Task<(IssuedDocument? Document, IReadOnlyList<Problem> Problems)> IssueAsync(IssueRequest request, CancellationToken ct)
    {
        var form = engine.Templates.FindForm(request.FormId);
        if (form is { IsCounterpartyAuthored: true })
        {
            return (null, [new Problem("form", "form.counterparty-authored", $"《{form.Title}》由相对人出具并盖章，本局不签发、不签名、不盖章")]);
        }
        if (form?.Series is null)
        {
            return (null, [new Problem("form", form is null ? "form.unknown" : "form.not-numbered",
                form is null ? $"没有这个表单：{request.FormId}" : $"表单 {request.FormId} 不编文号，不能以发文方式签发")]);
        }
        // Validated before the transaction: invalid input never takes a number.
        var data = JsonNode.Parse(request.Data.GetRawText()) as JsonObject;
        data?.Remove(FormValidator.NumberKey);
        var now = time.GetUtcNow();
        if (data is not null && await ProposeReplyDateAsync(form, data, now, ct) is { } tooEarly) return (null, [tooEarly]);
        if (data is not null) FillIssueDate(form, data, now);
        using var unnumbered = System.Text.Json.JsonDocument.Parse(data?.ToJsonString() ?? "null");
        var (input, problems) = engine.Validate(request.FormId, unnumbered.RootElement, request.Bureau);
        if (input is null) return (null, problems);
        // Only the document's own bureau's key signs it; without one nothing is queued and no number is taken.
        signing.Require(input.Bureau);

        var year = now.ToOffset(Calendar.LegalDates.Beijing).Year; // the Beijing year of issue (GB/T 9704-2012 §7.2.5)
        return (await queue.IssueAsync(new IssueJob(request, form, input, data?.ToJsonString() ?? "{}", now, year)), []);
    }

    /// <summary>
    /// Fills an empty 成文日期 (a field marked <c>"proposal": "issue-date"</c>) with the Beijing date of issue, so a
    /// sealed document never prints a blank 「年 月 日」 (GB/T 9704-2012 §7.3.5.1: 成文日期 under the issuing body).
    /// </summary>
    internal static void FillIssueDate(Ses.Documents.Templates.FormTemplate form, JsonObject data, DateTimeOffset now)
    {
        foreach (var field in form.Fields.Where(f => f.Proposal == "issue-date"))
        {
            // Anything but an empty string or nothing is left to the validator.
            if (data[field.Name] is { } node && !(node is JsonValue v && v.TryGetValue(out string? given) && string.IsNullOrWhiteSpace(given))) continue;
            data[field.Name] = DateOnly.FromDateTime(now.ToOffset(Calendar.LegalDates.Beijing).DateTime)
                .ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        }
    }

    /// <summary>
    /// (Also used by the preview.) Fills an empty reply date with the proposal for issuing at <paramref name="now"/>, and refuses one that leaves fewer than 5 full working days after
    /// the latest possible delivery (the deemed date, if nobody confirms): 实施办法第十三条, 确认函第二条第四项.
    /// </summary>
    public async Task<Problem?> ProposeReplyDateAsync(Ses.Documents.Templates.FormTemplate form, System.Text.Json.Nodes.JsonObject data,
        DateTimeOffset now, CancellationToken ct)
    {
        var field = form.Fields.FirstOrDefault(f => f.Proposal == "reply-date");
        if (field is null) return null;
        var proposal = Calendar.LegalDates.ProposedReplyDate(now, await calendars.CurrentAsync(ct));
        var node = data[field.Name];
        string? given = null;
        // Anything but a string is left to the validator, which reports its type.
        if (node is not null && !(node is System.Text.Json.Nodes.JsonValue v && v.TryGetValue(out given))) return null;
        if (string.IsNullOrWhiteSpace(given))
        {
            data[field.Name] = proposal.Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
            return null;
        }
        return DateOnly.TryParseExact(given.Trim(), "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var date)
               && date < proposal.Date
            ? new Problem(field.Name, "field.reply-date.too-early",
                $"「{field.Label}」早于 {Ses.Documents.Templates.DateValue.FormatChinese(proposal.Date)}：相对人即使视为送达也应有完整的 5 个工作日陈述和申辩（实施办法第十三条）")
            : null;
    }
}
