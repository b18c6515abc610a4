namespace Ses.Documents.Certificates;

/// <summary>
/// What a delivery certificate (送达证明) states: what was served, to whom, how and when, and the dates that follow.
/// The service fills it from its records; <see cref="DocumentEngine.RenderDeliveryCertificate(DeliveryCertificateData)"/>
/// renders it with the wording of <c>templates/forms/delivery-certificate.json</c>.
/// </summary>
/// <param name="BureauCode">The issuing bureau's profile (<c>xibei</c>): its name heads the text and signs it.</param>
/// <param name="CertifiedAt">When the certificate is issued; printed in UTC and Beijing time, its Beijing date under the signature.</param>
/// <param name="DocumentNumber">The served document's number, e.g. 西北局信告字〔2026〕1号.</param>
/// <param name="DocumentTitle">The served document's title (the form's title).</param>
/// <param name="DocumentSha256">SHA-256 of the signed PDF that was served, hex.</param>
/// <param name="IssuedAt">When the served document was issued.</param>
/// <param name="RecipientName">The recipient (受送达人): organisation name or person's name.</param>
/// <param name="RecipientIdentifier">How the recipient is identified, scheme and value as text (统一社会信用代码 9161…).</param>
/// <param name="Accounts">The recipient's SES accounts the document was sent to.</param>
/// <param name="ServiceMode">How it was served: 电子送达, or 电子送达并纸质送达 for an important document.</param>
/// <param name="Events">The evidence entries of the delivery, in order, described in Chinese (no ids, codes or whole
/// mobile numbers: the certificate is read by people).</param>
/// <param name="Delivery">The delivery date and the rule that fixed it.</param>
/// <param name="Deadlines">The periods that run from the delivery (陈述和申辩期限, 申请行政复议期限…); may be empty.</param>
/// <param name="EvidenceHeadHash">Hash of the newest entry of the evidence chain, hex, for reference.</param>
/// <param name="Consent">The verified confirmation letter electronic service rested on; null when served on paper only.</param>
public sealed record DeliveryCertificateData(
    string BureauCode,
    DateTimeOffset CertifiedAt,
    string DocumentNumber,
    string DocumentTitle,
    string DocumentSha256,
    DateTimeOffset IssuedAt,
    string RecipientName,
    string RecipientIdentifier,
    IReadOnlyList<RecipientAccount> Accounts,
    string ServiceMode,
    IReadOnlyList<DeliveryEvent> Events,
    DeliveryOutcome Delivery,
    IReadOnlyList<DeliveryDeadline> Deadlines,
    string EvidenceHeadHash,
    ConsentBasis? Consent = null);
