namespace Ses.Service.Notifications;

/// <summary>What a log may say about a recipient: enough to tell two apart, never the whole number or address.</summary>
public static class RecipientMask
{
    /// <summary><c>13812345678</c> → <c>138****5678</c>; shorter numbers keep only their last two digits.</summary>
    public static string Mobile(string mobile)
    {
        var m = mobile.Trim();
        if (m.Length >= 10) return m[..3] + "****" + m[^4..];
        return m.Length > 2 ? new string('*', m.Length - 2) + m[^2..] : "**";
    }

    /// <summary><c>zhang.san@example.com</c> → <c>z***@example.com</c>.</summary>
    public static string Email(string email)
    {
        var e = email.Trim();
        var at = e.LastIndexOf('@');
        return at <= 0 ? "***" : e[0] + "***" + e[at..];
    }

    public static string For(string channel, string recipient) =>
        channel == NotificationChannel.Sms ? Mobile(recipient) : Email(recipient);
}
