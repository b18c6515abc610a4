namespace Ses.Service.Notifications;

/// <summary>How a message travels.</summary>
public static class NotificationChannel
{
    public const string Sms = "sms";
    public const string Email = "email";

    public static readonly string[] All = [Sms, Email];
}
