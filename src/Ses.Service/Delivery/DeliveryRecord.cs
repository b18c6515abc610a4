namespace Ses.Service.Delivery;

/// <summary>
/// The service of one issued document on its counterparty (送达): electronically into its SES accounts, on paper, or
/// both. The delivery date follows 确认函第二条第四项: electronic only — the confirmation date if it is not later than the
/// deemed date, else the deemed date; with paper — the paper delivery date, whatever happened electronically.
/// </summary>
public sealed class DeliveryRecord
{
    public Guid Id { get; init; }

    public Guid DocumentId { get; init; }

    public Guid CounterpartyId { get; init; }

    /// <summary>The serving bureau (the document's).</summary>
    public required string Bureau { get; init; }

    public bool Electronic { get; init; }

    public bool Paper { get; init; }

    /// <summary>When the document entered the counterparty's accounts ("sent", 确认函第二条第四项).</summary>
    public DateTimeOffset ServedAt { get; init; }

    public required string ServedBy { get; init; }

    /// <summary>The verified confirmation letter electronic service rested on when the document was served (the certificate cites it).</summary>
    public Guid? ConsentLetterId { get; init; }

    /// <summary>Why the document could only be served on paper (no account, no verified letter), as the officer was told.</summary>
    public string? PaperOnlyReason { get; init; }

    /// <summary>The deemed delivery date: the 3rd working day after the sending date (electronic service only).</summary>
    public DateOnly? DeemedOn { get; set; }

    /// <summary>The deemed date reached a year with no holiday schedule: recomputed when that year is imported.</summary>
    public bool DeemedProvisional { get; set; }

    public DateTimeOffset? FirstOpenedAt { get; set; }

    public DateTimeOffset? ConfirmedAt { get; set; }

    public Guid? ConfirmedByAccountId { get; set; }

    public string? ConfirmedBy { get; set; }

    /// <summary>The electronic delivery date once fixed (by a timely confirmation, or deemed).</summary>
    public DateOnly? ElectronicOn { get; set; }

    /// <summary><see cref="DeliveryRules.Confirmation"/> or <see cref="DeliveryRules.Deemed"/>.</summary>
    public string? ElectronicRule { get; set; }

    /// <summary>When the job marked the deemed delivery.</summary>
    public DateTimeOffset? DeemedAt { get; set; }

    /// <summary>When the reminder (the working day before the deemed date) was enqueued.</summary>
    public DateTimeOffset? ReminderAt { get; set; }

    public DateOnly? PaperDeliveredOn { get; set; }

    /// <summary>EMS, 专人送达, 留置送达, …</summary>
    public string? PaperMethod { get; set; }

    public string? PaperTrackingNumber { get; set; }

    /// <summary>Who signed for it.</summary>
    public string? PaperSignedBy { get; set; }

    /// <summary>SHA-256 of the scanned receipt in the file store.</summary>
    public string? PaperReceiptSha256 { get; set; }

    public string? PaperReceiptName { get; set; }

    public string? PaperRecordedBy { get; set; }

    public DateTimeOffset? PaperRecordedAt { get; set; }

    /// <summary>The legal delivery date, or null while it is pending.</summary>
    public DateOnly? DeliveredOn { get; set; }

    /// <summary>Which rule fixed <see cref="DeliveredOn"/>: <see cref="DeliveryRules"/>.</summary>
    public string? DeliveryRule { get; set; }

    /// <summary>The full explanation of how the delivery date was found, with the calendar data used.</summary>
    public string? DeliveryRuleText { get; set; }

    public int Version { get; set; }
}

/// <summary>The rules that can fix a delivery date.</summary>
public static class DeliveryRules
{
    public const string Confirmation = "confirmation";
    public const string Deemed = "deemed";
    public const string Paper = "paper";
}
