using System.Globalization;
using Ses.Service.Evidence;
using Ses.Service.Notifications;

namespace Ses.Service.Registrations;

/// <summary>
/// What the contacts of a registration are told by SMS at each step (注册通知第二条第（一）项: 告知本单位注册审核情况), and the
/// evidence entry of each step.
/// </summary>
public sealed class RegistrationNotices(NotificationOutbox outbox)
{
    public const string Sender = "【民航行业监管执法信息系统】";

    /// <summary>One SMS per distinct mobile of the two contacts (an email too when email is on).</summary>
    public void Tell(Registration r, string text)
    {
        var mobiles = new HashSet<string>(StringComparer.Ordinal);
        var emails = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var contacts = new[] { (r.Contact1Name, r.Contact1Mobile, r.Contact1Email), (r.Contact2Name, r.Contact2Mobile, r.Contact2Email) };
        foreach (var (name, mobile, email) in contacts)
        {
            if (mobiles.Add(mobile)) outbox.Enqueue(NotificationKind.Alert, NotificationChannel.Sms, mobile, name, "", Sender + text);
            if (outbox.EmailEnabled && email.Length > 0 && emails.Add(email))
            {
                outbox.Enqueue(NotificationKind.Alert, NotificationChannel.Email, email, name, "SES 相对人注册", $"{text}\n\n本邮件由系统发送，请勿回复。");
            }
        }
    }

    /// <summary>The step as an evidence entry: the registration's identifier and its current 确认函 scan (its SHA-256).</summary>
    public static EvidenceFacts Evidence(Registration r, string letterSha256, string @event, string action, string actor, DateTimeOffset at,
        Dictionary<string, string?>? more = null)
    {
        var detail = new Dictionary<string, string?>
        {
            ["registration"] = r.Id.ToString("D", CultureInfo.InvariantCulture), ["name"] = r.Name, ["identifier"] = r.IdValue, ["office"] = r.Office,
            ["state"] = r.State,
        };
        foreach (var (key, value) in more ?? []) detail[key] = value;
        return EvidenceEntries.ForFile($"注册申请 {r.IdValue}", letterSha256, @event, action, actor, at, detail);
    }
}
