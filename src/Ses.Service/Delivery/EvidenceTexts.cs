using System.Text.Json.Nodes;
using Ses.Service.Evidence;
using Ses.Service.Notifications;

namespace Ses.Service.Delivery;

/// <summary>
/// An evidence entry as people read it (the certificate, the timeline of the API and the pages): the action and the
/// actor in Chinese, and the facts it records described in Chinese — never the stored keys, ids, rule codes or a
/// whole mobile number or email address. The stored entry itself is unchanged (it is hashed).
/// </summary>
public static class EvidenceTexts
{
    /// <summary>The action in Chinese; an SMS only recorded in the outbox reads as recorded, not as sent.</summary>
    public static string Label(EvidenceEntry e)
    {
        if (e.Action == "notified" && OutboxSmsGateway.IsRecordedOnly(e.Actor, Facts(e.Detail).GetValueOrDefault("answer")))
        {
            return OutboxSmsGateway.RecordedLabel;
        }
        return DeliveryCertificates.Labels.GetValueOrDefault(e.Action, e.Action);
    }

    /// <summary>Who acted: an account, the system, a notification channel, or the staff member's user name.</summary>
    public static string Actor(string actor) => actor switch
    {
        "job" => "系统（定时任务）",
        NotificationChannel.Sms => "系统（短信）",
        NotificationChannel.Email => "系统（电子邮件）",
        _ when actor.StartsWith("account:", StringComparison.Ordinal) => "受送达人账号 " + actor["account:".Length..],
        _ => actor,
    };

    /// <summary>The facts of the entry in Chinese, joined by 「；」; empty when there is nothing to say.</summary>
    public static string Detail(EvidenceEntry e, Func<string, string> formTitle)
    {
        var d = Facts(e.Detail);
        var parts = new List<string>();
        void Add(string label, string? value)
        {
            if (!string.IsNullOrEmpty(value)) parts.Add($"{label}：{value}");
        }
        switch (e.Action)
        {
            case "issued":
                Add("文书", d.GetValueOrDefault("form") is { } form ? formTitle(form) : null);
                Add("DOCX文件SHA-256值", d.GetValueOrDefault("docxSha256"));
                break;
            case "served":
                Add("送达方式", Mode(d.GetValueOrDefault("mode")));
                Add("送达账号", d.GetValueOrDefault("accounts")?.Replace(",", "、", StringComparison.Ordinal));
                Add("视为送达日", Provisional(d.GetValueOrDefault("deemedOn"), d));
                Add("确认函落款日期", d.GetValueOrDefault("consentSignedOn"));
                Add("确认函扫描件SHA-256值", d.GetValueOrDefault("consentLetter"));
                Add("仅纸质送达的原因", d.GetValueOrDefault("paperOnly"));
                break;
            case "notified" or "notification-failed" or "notification-recorded":
                Add("通知", Kind(d.GetValueOrDefault("kind")));
                var channel = d.GetValueOrDefault("channel");
                Add(channel == NotificationChannel.Email ? "电子邮件" : "短信",
                    d.GetValueOrDefault("recipient") is { } r ? RecipientMask.For(channel ?? "", r) : null);
                Add("尝试", d.GetValueOrDefault("attempt") is { } a ? $"第 {a} 次" : null);
                Add("结果", e.Action == "notification-failed"
                    ? d.GetValueOrDefault("gaveUp") == "true" ? "发送失败，不再重试" : "发送失败，将重试"
                    : OutboxSmsGateway.IsRecordedOnly(channel, d.GetValueOrDefault("answer")) ? "已记录（未发送）：未配置短信服务商" : "已发送");
                break;
            case "reminder-scheduled":
                Add("视为送达日", d.GetValueOrDefault("deemedOn"));
                parts.Add("已排入视为送达前提醒");
                break;
            case "confirmed":
                Add("确认账号", d.GetValueOrDefault("account"));
                Add("效力", Effect(d.GetValueOrDefault("effect")));
                break;
            case "deemed":
                Add("视为送达日", Provisional(d.GetValueOrDefault("deemedOn"), d));
                if (d.GetValueOrDefault("paperPending") == "true") parts.Add("纸质送达尚待登记，送达日以纸质送达之日为准");
                break;
            case "deemed-recomputed":
                Add("原视为送达日", d.GetValueOrDefault("provisionalDeemedOn") ?? d.GetValueOrDefault("previousDeemedOn"));
                Add("重算后视为送达日", d.GetValueOrDefault("deemedOn"));
                Add("日历", d.GetValueOrDefault("calendar"));
                break;
            case "paper-recorded":
                Add("送达日期", d.GetValueOrDefault("deliveredOn"));
                Add("方式", d.GetValueOrDefault("method"));
                Add("邮件号", d.GetValueOrDefault("trackingNumber"));
                Add("签收人", d.GetValueOrDefault("signedBy"));
                Add("送达回证扫描件SHA-256值", d.GetValueOrDefault("receiptSha256"));
                break;
            case "voided":
                Add("作废理由", d.GetValueOrDefault("reason"));
                break;
        }
        return string.Join("；", parts);
    }

    /// <summary>The stored facts (a JSON object of strings).</summary>
    public static Dictionary<string, string?> Facts(string json) => EvidenceEntries.Facts(json);

    /// <summary>
    /// The stored facts with a notification's recipient masked (<c>138****0001</c>), for staff who are not legal staff:
    /// they see what was sent where without the contacts; legal staff get the facts as hashed, to recompute the chain.
    /// </summary>
    public static string MaskedDetail(EvidenceEntry e)
    {
        if (!e.Detail.Contains("\"recipient\"", StringComparison.Ordinal) || JsonNode.Parse(e.Detail) is not JsonObject facts) return e.Detail;
        if (facts["recipient"]?.GetValue<string>() is { } recipient)
        {
            facts["recipient"] = RecipientMask.For(facts["channel"]?.GetValue<string>() ?? "", recipient);
        }
        return facts.ToJsonString();
    }

    public static string? Mode(string? mode) => mode switch
    {
        "both" => "电子送达并纸质送达",
        "electronic" => "电子送达",
        "paper" => "纸质送达",
        _ => null,
    };

    private static string? Kind(string? kind) => kind switch
    {
        NotificationKind.Served => "送达通知",
        NotificationKind.Reminder => "视为送达前提醒",
        NotificationKind.Alert => "提醒",
        _ => null,
    };

    private static string? Provisional(string? date, Dictionary<string, string?> d) =>
        date is null ? null : d.GetValueOrDefault("provisional") == "true" ? date + "（暂定）" : date;

    // Entries written before the effect was stated in Chinese carry one of three English sentences.
    private static string? Effect(string? effect) => effect switch
    {
        null => null,
        _ when effect.StartsWith("fixes the electronic delivery date", StringComparison.Ordinal) => "确定电子送达日；送达日以纸质送达之日为准",
        "fixes the delivery date" => "确定送达日",
        _ when effect.StartsWith("after the deemed date ", StringComparison.Ordinal) =>
            $"已过视为送达日 {effect["after the deemed date ".Length..].Split(':')[0]}：仅记录，不改变送达日",
        _ => effect,
    };
}
