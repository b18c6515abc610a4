using Ses.Documents.Templates;
using Ses.Service.Calendar;
using Ses.Service.Evidence;
using Ses.Service.Issuing;

namespace Ses.Service.Delivery;

public sealed record ServeRequest(string? Mode = null);

/// <summary>The paper delivery; the receipt scan as base64 (PDF, JPEG or PNG, at most 10 MB).</summary>
public sealed record PaperRequest(DateOnly? DeliveredOn, string? Method, string? TrackingNumber, string? SignedBy, string? ReceiptBase64, string? ReceiptName);

public sealed record PaperView(DateOnly? DeliveredOn, string? Method, string? TrackingNumber, string? SignedBy, string? ReceiptSha256, string? RecordedBy,
    DateTimeOffset? RecordedAt);

/// <summary>
/// One event of the timeline, its time in both labelled forms: the ETSI event name and our action code with the
/// Chinese <paramref name="Label"/>, the actor as stored and as people read it (<paramref name="ActorText"/>), the
/// stored facts (<paramref name="Detail"/>, JSON as hashed) and their Chinese description (<paramref name="Text"/>).
/// </summary>
public sealed record EvidenceView(long Sequence, string Event, string Action, string Label, string Actor, string ActorText, string TimeUtc, string TimeBeijing,
    string Detail, string Text, string Hash);

/// <summary>
/// A delivery as staff and (without the staff-only parts) the counterparty see it. Times are Beijing time with their
/// offset; dates are Asia/Shanghai calendar dates; <c>DeliveryRuleText</c> and the deadlines' rules are Chinese, beside
/// the codes <c>DeliveryRule</c> and <c>Period</c>.
/// </summary>
public sealed record DeliveryView(
    Guid Id, Guid DocumentId, string Number, string FormId, string Title, string Party, Guid CounterpartyId, string Mode, DateTimeOffset ServedAt,
    string? ServedBy, DateOnly? DeemedOn, bool DeemedProvisional, string InboxStatus, DateTimeOffset? FirstOpenedAt, DateTimeOffset? ConfirmedAt,
    string? ConfirmedBy, DateOnly? ElectronicOn, string? ElectronicRule, PaperView? Paper, DateOnly? DeliveredOn, string? DeliveryRule,
    string? DeliveryRuleText, string Status, bool Voided, IReadOnlyList<DeadlineView> Deadlines, IReadOnlyList<EvidenceView>? Timeline,
    string? PaperOnlyReason = null)
{
    public static DeliveryView From(DeliveryRecord r, IssuedDocument d, FormTemplate? form, HolidayCalendar calendar, bool staff,
        IReadOnlyList<EvidenceEntry>? timeline = null, bool evidenceInFull = true) => new(
        r.Id, d.Id, d.Number, d.FormId, form?.Title ?? d.FormId, d.Party, r.CounterpartyId, DeliveryService.ModeName(r),
        r.ServedAt.ToOffset(LegalDates.Beijing),
        staff ? r.ServedBy : null, r.DeemedOn, r.DeemedProvisional, InboxStatusOf(r), r.FirstOpenedAt?.ToOffset(LegalDates.Beijing),
        r.ConfirmedAt?.ToOffset(LegalDates.Beijing), r.ConfirmedBy, r.ElectronicOn, r.ElectronicRule,
        r.Paper ? new PaperView(r.PaperDeliveredOn, r.PaperMethod, staff ? r.PaperTrackingNumber : null, r.PaperSignedBy, staff ? r.PaperReceiptSha256 : null,
            staff ? r.PaperRecordedBy : null, r.PaperRecordedAt?.ToOffset(LegalDates.Beijing)) : null,
        r.DeliveredOn, r.DeliveryRule, r.DeliveredOn is null ? null : Delivery.DeliveryRuleText.Of(r, calendar),
        r.DeliveredOn is null ? "pending" : "delivered", d.VoidedAt is not null,
        r.DeliveredOn is { } on && d.VoidedAt is null ? Delivery.Deadlines.For(form, d.DataJson, on, calendar) : [],
        timeline?.Select(e => new EvidenceView(e.Sequence, e.Event, e.Action, EvidenceTexts.Label(e), e.Actor, EvidenceTexts.Actor(e.Actor),
            "UTC " + e.AtUtc, "北京时间 " + e.AtBeijing, evidenceInFull ? e.Detail : EvidenceTexts.MaskedDetail(e),
            EvidenceTexts.Detail(e, _ => form?.Title ?? d.FormId), e.Hash)).ToList(),
        staff ? r.PaperOnlyReason : null);

    /// <summary>new / opened / confirmed / deemed, as the counterparty's inbox shows it.</summary>
    public static string InboxStatusOf(DeliveryRecord r) =>
        r.ConfirmedAt is not null ? "confirmed"
        : r.ElectronicRule == DeliveryRules.Deemed ? "deemed"
        : r.FirstOpenedAt is not null ? "opened"
        : "new";
}
