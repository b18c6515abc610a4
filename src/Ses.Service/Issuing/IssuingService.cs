using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Ses.Documents;
using Ses.Documents.Numbering;
using Ses.Documents.Validation;
using Ses.Service.Audit;
using Ses.Service.Data;
using Ses.Service.Signing;
using Ses.Service.Storage;

namespace Ses.Service.Issuing;

/// <summary>
/// Issues a document in one transaction: takes the next number of its series, renders the PDF and DOCX with it,
/// signs the PDF with a timestamp, stores both files, records the document and the audit entry. If any step fails
/// nothing is stored and the number is not consumed.
/// </summary>
public sealed class IssuingService(SesDbContext db, DocumentEngine engine, SigningContext signing, IFileStore files, TimeProvider time, Calendar.CalendarStore calendars)
{
    private static readonly TimeSpan Beijing = TimeSpan.FromHours(8);

    public async Task<(IssuedDocument? Document, IReadOnlyList<Problem> Problems)> IssueAsync(IssueRequest request, CancellationToken ct)
    {
        var form = engine.Templates.FindForm(request.FormId);
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
        using var unnumbered = System.Text.Json.JsonDocument.Parse(data?.ToJsonString() ?? "null");
        var (input, problems) = engine.Validate(request.FormId, unnumbered.RootElement, request.Bureau);
        if (input is null) return (null, problems);

        var year = now.ToOffset(Beijing).Year; // rules.md: the Asia/Shanghai year of issue
        var created = new List<string>();
        try
        {
            var document = await Delivery.EvidenceLog.WriteAsync(db, async chain =>
            {
                var sequence = await NumberAllocator.NextAsync(db, input.Bureau.Code, form.Series, year, ct);
                var number = new DocumentNumber(input.Bureau.NumberPrefix, form.Series, year, sequence);
                var numbered = input with { Number = number };
                var pdf = engine.Sign(engine.Render(numbered, OutputFormat.Pdf), signing.Settings, now);
                var docx = engine.Render(numbered, OutputFormat.Docx).Content;
                var pdfSha = await Store(pdf);
                var docxSha = await Store(docx);
                var issued = new IssuedDocument
                {
                    Id = Guid.CreateVersion7(now),
                    Bureau = input.Bureau.Code,
                    Series = form.Series,
                    Year = year,
                    Sequence = sequence,
                    Number = number.Format(),
                    FormId = form.Id,
                    Officer = request.Officer,
                    IssuedAt = now,
                    PdfSha256 = pdfSha,
                    DocxSha256 = docxSha,
                    Replaces = request.Replaces,
                    Party = request.CounterpartyName ?? PartyOf(numbered),
                    CounterpartyId = request.CounterpartyId,
                    DraftId = request.DraftId,
                    DataJson = data?.ToJsonString() ?? "{}",
                };
                if (request.DraftId is { } draftId)
                {
                    // The draft is frozen in the same transaction; its concurrency token makes a racing edit or a
                    // second issue of the same draft fail instead of issuing twice.
                    var draft = await db.Drafts.SingleAsync(d => d.Id == draftId, ct);
                    if (draft.IssuedDocumentId is not null) throw new DraftAlreadyIssuedException(draftId);
                    draft.IssuedDocumentId = issued.Id;
                    draft.Version++;
                }
                db.IssuedDocuments.Add(issued);
                db.AuditEntries.Add(new AuditEntry
                {
                    At = now, Actor = request.Officer, Action = "document.issued", Subject = issued.Number, Source = request.Source,
                    Detail = $"form={form.Id} id={issued.Id} pdf={pdfSha}",
                });
                await chain.AppendAsync(new Delivery.EvidenceFacts(Delivery.EvidenceEvents.SubmissionAcceptance, "issued", issued.Number, pdfSha,
                    request.Officer, now, issued.Id, Detail: new Dictionary<string, string?> { ["form"] = form.Id, ["docxSha256"] = docxSha }), ct);
                return issued;
            }, ct);
            return (document, []);
        }
        catch
        {
            db.ChangeTracker.Clear();
            foreach (var sha in created) files.Forget(sha);
            throw;
        }

        static string PartyOf(Ses.Documents.Templates.FormInput input) =>
            new[] { "party", "orgName", "name", "applicantName" }.AsEnumerable()
                .Select(k => input.Values.GetValueOrDefault(k)?.Display).FirstOrDefault(v => !string.IsNullOrEmpty(v)) ?? "";

        async Task<string> Store(byte[] content)
        {
            var (sha, isNew) = await files.PutAsync(content, ct);
            if (isNew) created.Add(sha);
            return sha;
        }
    }

    /// <summary>
    /// (Also used by the preview.) Fills an empty reply date with the proposal for issuing at <paramref name="now"/>, and refuses one that leaves fewer than 5 full working days after
    /// the latest possible delivery (the deemed date, if nobody confirms): seed 001 art. 13, rules.md Periods.
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
