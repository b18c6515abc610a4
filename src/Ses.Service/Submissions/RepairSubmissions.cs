using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Ses.Documents;
using Ses.Documents.Validation;
using Ses.Service.Calendar;
using Ses.Service.Cases;
using Ses.Service.Data;
using Ses.Service.Http;
using Ses.Service.Records;
using Ses.Service.Repairs;

namespace Ses.Service.Submissions;

/// <summary>
/// A repair application filled in online by the counterparty (附件8, 实施办法第十八条): the form is composed from its record
/// and explanation — the counterparty's form, never sealed by the bureau — and received on the bureau's behalf the day
/// it is submitted, so the officer finds it in the repair queue (<see cref="RepairService.ApplyAsync"/>); its refusals
/// (too early, a linked person alone, one already open) come back with their codes and nothing is stored.
/// </summary>
public sealed class RepairSubmissions(
    SesDbContext db, DocumentEngine engine, RepairService repairs, SubmissionService submissions, SubmissionQueries queries, TimeProvider time)
{
    public const string FormId = "repair-application";

    public async Task<(SubmissionView? Submission, Refusal? Refused)> ApplyAsync(RepairSubmission request, IReadOnlyList<UploadInput> uploads, Submitter who,
        CancellationToken ct)
    {
        if (request.RecordId is null) return (null, Refusal.Invalid("recordId", ErrorCodes.FieldRequired, "「信用记录」必须选择"));
        var record = await db.CreditRecords.AsNoTracking()
            .SingleOrDefaultAsync(r => r.Id == request.RecordId && r.CounterpartyId == who.CounterpartyId, ct);
        if (record is null) return (null, Refusal.NotFound);
        var problems = new List<Problem>();
        CaseStepRecorder.Text(problems, engine, "explanation", "修复情况说明", request.Explanation, RepairService.TextLength, required: true);
        var attached = Attachments.Check(uploads, problems);
        if (problems.Count > 0) return (null, Refusal.Invalid(problems));

        var now = time.GetUtcNow();
        var today = LegalDates.BeijingDate(now);
        var explanation = request.Explanation!.Trim();
        var (form, formProblems) = Form(record, explanation, attached);
        if (form is null) return (null, Refusal.Invalid(formProblems));
        var formName = $"{engine.Templates.FindForm(FormId)!.Title}.pdf";
        var actor = new CaseActor(record.Bureau, who.AccountId, who.Actor, who.Source);
        var (repair, refused) = await repairs.ApplyAsync(
            new RepairRequest(record.Id, today, today, today, request.NewEvidence == true, explanation, form, formName), actor, ct);
        if (repair is null) return (null, Passed(refused!));

        var uploaded = new List<UploadedFile> { new(formName, form, "application/pdf", Convert.ToHexStringLower(SHA256.HashData(form))) };
        uploaded.AddRange(attached);
        var submission = new Submission
        {
            Id = Guid.CreateVersion7(now), Kind = SubmissionKinds.Repair, Bureau = record.Bureau, CounterpartyId = who.CounterpartyId,
            AccountId = who.AccountId, AccountName = who.AccountName, RecordId = record.Id, RepairId = repair.Id, CaseId = repair.CaseId,
            Text = explanation, TextSha256 = SubmissionService.TextSha256(explanation), NewEvidence = request.NewEvidence == true, SubmittedAt = now,
            SubmittedOn = today, CaseStepRecorded = true,
        };
        await submissions.StoreAsync(submission, uploaded, record.DecisionNumber, who, ct);
        await submissions.TryReceiptAsync(submission, ct);
        return (await queries.ViewAsync(submission, ct), null);
    }

    /// <summary>
    /// The application (附件8) as the counterparty files it: the applicant and its record from the record itself, the
    /// explanation, and the materials named after it.
    /// </summary>
    private (byte[]? Pdf, IReadOnlyList<Problem> Problems) Form(CreditRecord record, string explanation, List<UploadedFile> attached)
    {
        var id = new JsonObject { ["scheme"] = record.IdScheme, ["value"] = record.IdValue };
        var person = record.PartyKind == RecordParty.Person;
        var row = new JsonObject
        {
            ["record"] = $"{record.Act}（{record.DecisionNumber}）", ["recordedOn"] = record.EnteredOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        };
        var data = new JsonObject { ["applicantName"] = record.PartyName };
        if (person)
        {
            (row["name"], row["personId"]) = (record.PartyName, id.DeepClone());
            (data["applicantPersonId"], data["personRecords"], data["orgRecords"]) = (id, new JsonArray(row), new JsonArray());
        }
        else
        {
            (row["orgName"], row["orgId"]) = (record.PartyName, id.DeepClone());
            (data["applicantOrgId"], data["orgRecords"], data["personRecords"]) = (id, new JsonArray(row), new JsonArray());
        }
        data["explanation"] = attached.Count == 0 ? explanation : $"{explanation}\n附：{string.Join("、", attached.Select(f => f.Name))}";
        using var json = JsonDocument.Parse(data.ToJsonString());
        var (input, problems) = engine.Validate(FormId, json.RootElement, record.Bureau);
        if (input is null) return (null, [.. problems.Select(p => p with { Field = "explanation" })]);
        return (engine.Render(input, OutputFormat.Pdf).Content, []);
    }

    /// <summary>The repair's refusal as the counterparty's request names its fields (the day received is today; the file is the materials).</summary>
    private static Refusal Passed(Refusal refused) =>
        refused.Problems.Count == 0
            ? refused
            : refused with
            {
                Problems = [.. refused.Problems.Select(p => p.Field switch
                {
                    "receivedOn" => p with { Field = "recordId" },
                    "file" => p with { Field = "attachments" },
                    _ => p,
                })],
            };
}
