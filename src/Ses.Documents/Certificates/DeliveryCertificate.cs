using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Ses.Documents.Certificates;

/// <summary>
/// The field values of <c>templates/forms/delivery-certificate.json</c> for a <see cref="DeliveryCertificateData"/>:
/// instants as UTC and Beijing time, dates ISO, flags as the template's <c>yes</c> option. The values are checked
/// against the template's schema like any form's data, so a template that no longer declares a value stops with the
/// field named instead of silently leaving it out.
/// </summary>
internal static class DeliveryCertificate
{
    public const string FormId = "delivery-certificate";

    /// <summary>The reason written into the signature.</summary>
    public const string SigningReason = "送达证明";

    private const string Yes = "yes";
    private const string TimeFormat = "yyyy-MM-dd HH:mm:ss";

    // China has kept UTC+8 without daylight saving since 1991; legal dates are Asia/Shanghai dates.
    private static readonly TimeSpan Beijing = TimeSpan.FromHours(8);

    public static JsonElement FieldValues(DeliveryCertificateData d)
    {
        var values = new JsonObject
        {
            ["documentTitle"] = d.DocumentTitle,
            ["documentNumber"] = d.DocumentNumber,
            ["documentSha256"] = d.DocumentSha256,
            ["issuedAtUtc"] = Utc(d.IssuedAt),
            ["issuedAtBeijing"] = BeijingTime(d.IssuedAt),
            ["recipientName"] = d.RecipientName,
            ["recipientId"] = d.RecipientIdentifier,
            ["accounts"] = Rows(d.Accounts, a => new JsonObject { ["userName"] = a.UserName, ["department"] = a.Department }),
            ["serviceMode"] = d.ServiceMode,
            ["events"] = Rows(d.Events, e => new JsonObject
            {
                ["label"] = e.Label,
                ["name"] = e.Name,
                ["atUtc"] = Utc(e.At),
                ["atBeijing"] = BeijingTime(e.At),
                ["actor"] = e.Actor,
                ["detail"] = e.Detail,
                ["hash"] = e.EntryHash,
            }),
            ["deliveryRule"] = d.Delivery.Rule,
            ["deadlines"] = Rows(d.Deadlines, x => Flagged(new JsonObject
            {
                ["name"] = x.Name,
                ["lastDay"] = IsoDate(x.LastDay),
                ["rule"] = x.Rule,
            }, "provisional", x.Provisional)),
            ["evidenceHead"] = d.EvidenceHeadHash,
            ["certifiedAtUtc"] = Utc(d.CertifiedAt),
            ["certifiedAtBeijing"] = BeijingTime(d.CertifiedAt),
            ["certifiedOn"] = IsoDate(BeijingDate(d.CertifiedAt)),
        };
        if (d.Delivery.Date is { } date) values["deliveryDate"] = IsoDate(date);
        if (d.Consent is { } consent)
        {
            values["consentSignedOn"] = IsoDate(consent.SignedOn);
            values["consentSha256"] = consent.FileSha256;
            values["consentVerifiedAtBeijing"] = BeijingTime(consent.VerifiedAt);
            values["consentVerifiedBy"] = consent.VerifiedBy;
        }
        Flagged(values, "deliveryProvisional", d.Delivery.Provisional);
        Flagged(values, "provisionalDates", d.Delivery.Provisional || d.Deadlines.Any(x => x.Provisional));
        using var json = JsonDocument.Parse(values.ToJsonString());
        return json.RootElement.Clone();
    }

    public static string Utc(DateTimeOffset t) => t.UtcDateTime.ToString(TimeFormat, CultureInfo.InvariantCulture);

    public static string BeijingTime(DateTimeOffset t) => t.ToOffset(Beijing).ToString(TimeFormat, CultureInfo.InvariantCulture);

    public static DateOnly BeijingDate(DateTimeOffset t) => DateOnly.FromDateTime(t.ToOffset(Beijing).DateTime);

    private static string IsoDate(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static JsonArray Rows<T>(IEnumerable<T> items, Func<T, JsonObject> row) => [.. items.Select(row)];

    private static JsonObject Flagged(JsonObject o, string name, bool flag)
    {
        if (flag) o[name] = Yes;
        return o;
    }
}
