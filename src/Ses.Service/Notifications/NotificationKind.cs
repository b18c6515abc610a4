namespace Ses.Service.Notifications;

/// <summary>Why a message is sent.</summary>
public static class NotificationKind
{
    /// <summary>A document was served on the counterparty.</summary>
    public const string Served = "served";

    /// <summary>The working day before a deemed-delivery date.</summary>
    public const string Reminder = "reminder";

    /// <summary>Anything else the service must tell someone.</summary>
    public const string Alert = "alert";

    public static readonly string[] All = [Served, Reminder, Alert];
}
