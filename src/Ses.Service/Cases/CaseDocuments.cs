using System.Globalization;
using System.Text.Json.Nodes;
using Ses.Service.Counterparties;

namespace Ses.Service.Cases;

/// <summary>
/// The forms of a credit case filled from the case's data — nothing is typed twice: the collection form (采集单,
/// 实施办法附件1、2), the notice (告知书, 附件3、4), the decision (决定书, 附件5、6) and the transfer slip (移送单, 附件7).
/// Built when the step is done, so a change to the case before then is in the document.
/// </summary>
public static class CaseDocuments
{
    /// <summary>The facts a form needs besides the case itself.</summary>
    public sealed record Context(CreditCase Case, Counterparty Party, IReadOnlyList<CasePerson> Persons, string UnitName);

    public static bool IsPerson(Counterparty party) => party.Kind == CounterpartyKind.Individual;

    /// <summary>The number of the item of 实施办法第八条第一款 the governing clause belongs to ("8-1-2-3" → "2").</summary>
    public static string Item(CreditCase c) => Governing(c).Code.Split('-')[2];

    public static CaseClause Governing(CreditCase c) => CaseClauses.Governing(c.Clauses.Split(',').Select(code => CaseClauses.Find(code)!));

    /// <summary>The collection form (org: 附件1; person: 附件2).</summary>
    public static (string FormId, JsonObject Data) Collection(Context x, DateOnly collectedOn, string? remarks)
    {
        var data = new JsonObject
        {
            ["facts"] = x.Case.Facts, ["article8Item"] = Item(x.Case), ["collector"] = x.UnitName, ["collectDate"] = Date(collectedOn),
        };
        if (!string.IsNullOrWhiteSpace(remarks)) data["remarks"] = remarks.Trim();
        if (IsPerson(x.Party))
        {
            data["personName"] = x.Party.Name;
            data["personId"] = Id(x.Party.IdScheme, x.Party.IdValue);
            return ("collection-person", data);
        }
        data["orgName"] = x.Party.Name;
        data["orgId"] = Id(x.Party.IdScheme, x.Party.IdValue);
        if (x.Persons.FirstOrDefault(p => p.Role == PersonRoles.LegalRepresentative) is { } rep)
        {
            data["legalRepName"] = rep.Name;
            data["legalRepId"] = Id(rep.IdScheme, rep.IdValue);
            if (rep.Phone is not null) data["legalRepPhone"] = rep.Phone;
        }
        if (x.Persons.FirstOrDefault(p => p.Role == PersonRoles.Principal) is { } principal)
        {
            data["principalName"] = principal.Name;
            data["principalId"] = Id(principal.IdScheme, principal.IdValue);
            if (principal.Position is not null) data["principalPosition"] = principal.Position;
            if (principal.Phone is not null) data["principalPhone"] = principal.Phone;
        }
        var rows = new JsonArray();
        foreach (var p in x.Persons.Where(p => p.Role == PersonRoles.Responsible).OrderBy(p => p.Order))
        {
            var row = new JsonObject { ["name"] = p.Name, ["personId"] = Id(p.IdScheme, p.IdValue) };
            if (p.Position is not null) row["position"] = p.Position;
            if (p.Phone is not null) row["phone"] = p.Phone;
            rows.Add(row);
        }
        data["persons"] = rows;
        return ("collection-org", data);
    }

    /// <summary>The notice (org: 附件3; person: 附件4); an empty reply date is proposed when issued (实施办法第十三条).</summary>
    public static (string FormId, JsonObject Data) Notice(Context x, DateOnly? replyDeadline, string? contact, string? contactPhone)
    {
        var data = Addressed(x, contact, contactPhone);
        if (replyDeadline is { } d) data["replyDeadline"] = Date(d);
        return (IsPerson(x.Party) ? "notice-person" : "notice-org", data);
    }

    /// <summary>The decision (org: 附件5; person: 附件6), its validity from the governing clause (实施办法第八条第二款、第十七条).</summary>
    public static (string FormId, JsonObject Data) Decision(Context x, string? contact, string? contactPhone)
    {
        var data = Addressed(x, contact, contactPhone);
        data["validityCase"] = Governing(x.Case).ValidityYears == 3 ? "art8-1-3" : "general";
        return (IsPerson(x.Party) ? "decision-person" : "decision-org", data);
    }

    /// <summary>The refusal to repair (附件9): the application, the record concerned and the meeting's reasons (实施办法第十九条第二款).</summary>
    public static (string FormId, JsonObject Data) RepairRefusal(Context x, DateOnly received, DateOnly signedOn, string record, string reasons,
        string? contact, string? contactPhone)
    {
        var data = Repair(x, received, signedOn, contact, contactPhone);
        (data["records"], data["reasons"]) = (record, reasons);
        return ("repair-refusal", data);
    }

    /// <summary>
    /// The rejection of a repeated application without new evidence (附件10), naming the earlier application and its
    /// refusal (实施办法第十九条第三款).
    /// </summary>
    public static (string FormId, JsonObject Data) RepairRejection(Context x, DateOnly received, DateOnly signedOn, DateOnly previousSignedOn,
        string previousRecord, DateOnly refusalServed, string refusalNumber, string record, string? contact, string? contactPhone)
    {
        var data = Repair(x, received, signedOn, contact, contactPhone);
        (data["previousApplicationDate"], data["previousRecord"], data["refusalServiceDate"]) = (Date(previousSignedOn), previousRecord, Date(refusalServed));
        (data["refusalNumber"], data["record"], data["records"]) = (refusalNumber, "上述", record);
        return ("repair-rejection", data);
    }

    /// <summary>The transfer slip (附件7) to remove a repaired record (实施办法第十九条第二款).</summary>
    public static (string FormId, JsonObject Data) RepairTransfer(Context x, DateOnly meetingOn, string decisionNumber, DateOnly servedOn,
        DateOnly transferredOn)
    {
        var (formId, data) = Transfer(x, meetingOn, decisionNumber, servedOn, transferredOn);
        (data["action"], data["transferReason"]) = ("repair", "经局务会议审议同意信用修复");
        return (formId, data);
    }

    private static JsonObject Repair(Context x, DateOnly received, DateOnly signedOn, string? contact, string? contactPhone)
    {
        var data = new JsonObject
        {
            ["party"] = x.Party.Name, ["partyKind"] = IsPerson(x.Party) ? "person" : "org", ["receivedDate"] = Date(received),
            ["applicationDate"] = Date(signedOn),
        };
        if (!string.IsNullOrWhiteSpace(contact)) data["contact"] = contact.Trim();
        if (!string.IsNullOrWhiteSpace(contactPhone)) data["contactPhone"] = contactPhone.Trim();
        return data;
    }

    /// <summary>The transfer slip to the legal department (附件7), to record the decision served on <paramref name="servedOn"/>.</summary>
    public static (string FormId, JsonObject Data) Transfer(Context x, DateOnly meetingOn, string decisionNumber, DateOnly servedOn, DateOnly transferredOn)
    {
        var data = new JsonObject
        {
            ["party"] = x.Party.Name, ["partyKind"] = IsPerson(x.Party) ? "person" : "org", ["reason"] = x.Case.Act,
            ["article8Item"] = Item(x.Case), ["reviewDate"] = Date(meetingOn), ["decisionNumber"] = decisionNumber,
            ["serviceDate"] = Date(servedOn), ["transferReason"] = "该认定决定书已送达生效", ["action"] = "record",
            ["department"] = x.UnitName, ["signDate"] = Date(transferredOn),
        };
        return ("transfer-slip", data);
    }

    private static JsonObject Addressed(Context x, string? contact, string? contactPhone)
    {
        var data = new JsonObject { ["party"] = x.Party.Name, ["actDate"] = Date(x.Case.ActDate), ["actDescription"] = x.Case.Act };
        if (!string.IsNullOrWhiteSpace(contact)) data["contact"] = contact.Trim();
        if (!string.IsNullOrWhiteSpace(contactPhone)) data["contactPhone"] = contactPhone.Trim();
        return data;
    }

    private static JsonObject Id(string scheme, string value) => new() { ["scheme"] = scheme, ["value"] = value };

    private static string Date(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
