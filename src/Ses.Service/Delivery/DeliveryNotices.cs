using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Ses.Documents;
using Ses.Documents.Templates;
using Ses.Service.Calendar;
using Ses.Service.Data;
using Ses.Service.Evidence;
using Ses.Service.Issuing;
using Ses.Service.Notifications;

namespace Ses.Service.Delivery;

/// <summary>
/// The texts of the notifications a delivery sends — when it is served, and the reminder before the deemed date — and
/// the evidence of every sending attempt. The texts name the document and the bureau, never the counterparty's
/// identifiers; the legal effect of not confirming is stated.
/// </summary>
public static class DeliveryNotices
{
    public static NotificationContent Served(IssuedDocument d, string title, string bureauName, DeliveryRecord r)
    {
        var deemed = r.DeemedOn is { } on ? $"未确认收讫的，于{DateValue.FormatChinese(on)}视为送达。" : "";
        return new(
            $"【{bureauName}】{d.Number}《{title}》已送达贵方民航行业监管执法信息系统（SES）账户，请登录查看并确认收讫。{deemed}",
            $"{bureauName}：{d.Number}《{title}》已送达",
            $"{bureauName}于北京时间 {r.ServedAt.ToOffset(LegalDates.Beijing):yyyy-MM-dd HH:mm} 将{d.Number}《{title}》送达贵方 SES 账户。\n\n" +
            $"请登录 SES 查看、下载并确认收讫。{deemed}相关期限自送达之日起计算。\n\n" +
            $"文书 SHA-256：{d.PdfSha256}\n\n本邮件由系统发送，请勿回复。");
    }

    public static NotificationContent Reminder(IssuedDocument d, string title, string bureauName, DeliveryRecord r)
    {
        var on = DateValue.FormatChinese(r.DeemedOn!.Value);
        return new(
            $"【{bureauName}】提醒：{d.Number}《{title}》尚未确认收讫，将于{on}视为送达，相关期限自该日起计算。请登录 SES 查看。",
            $"{bureauName}：{d.Number} 将于{on}视为送达",
            $"{d.Number}《{title}》于北京时间 {r.ServedAt.ToOffset(LegalDates.Beijing):yyyy-MM-dd HH:mm} 送达贵方 SES 账户，尚未确认收讫。\n\n" +
            $"未确认的，该文书于{on}视为送达，相关期限自该日起计算。\n\n本邮件由系统发送，请勿回复。");
    }

    public static string BureauName(DocumentEngine engine, string code) => engine.Templates.FindBureau(code)?.Name ?? code;

}

/// <summary>Appends every sending attempt of a delivery's notification to the evidence log, with the provider's answer.</summary>
public sealed class DeliveryNotificationObserver(SesDbContext db, TimeProvider time) : INotificationObserver
{
    public async Task OnAttemptAsync(NotificationMessage message, bool sent, string answer, CancellationToken ct)
    {
        if (message.DeliveryId is not { } deliveryId) return;
        await EvidenceLog.WriteAsync(db, async chain =>
        {
            var record = await db.Deliveries.AsNoTracking().SingleAsync(d => d.Id == deliveryId, ct);
            var document = await db.IssuedDocuments.AsNoTracking().SingleAsync(d => d.Id == record.DocumentId, ct);
            var at = sent && message.SentAt is { } sentAt ? sentAt : time.GetUtcNow();
            // An SMS only recorded in the outbox was not sent: recorded as such, never as a notification that went out.
            var recorded = sent && OutboxSmsGateway.IsRecordedOnly(message.Channel, answer);
            await chain.AppendAsync(EvidenceEntries.ForDocument(document.Number, document.PdfSha256, document.Id, record.Id,
                recorded ? EvidenceEvents.NotificationRecorded : sent ? EvidenceEvents.ConsignmentNotification : EvidenceEvents.ConsignmentNotificationFailure,
                recorded ? "notification-recorded" : sent ? "notified" : "notification-failed", message.Channel, at, new()
                {
                    ["kind"] = message.Kind,
                    ["channel"] = message.Channel,
                    ["recipient"] = message.Recipient,
                    ["message"] = message.Id.ToString(CultureInfo.InvariantCulture),
                    ["attempt"] = message.Attempts.ToString(CultureInfo.InvariantCulture),
                    ["answer"] = answer,
                    ["gaveUp"] = message.FailedAt is null ? null : "true",
                }), ct);
            return 0;
        }, ct);
    }
}
