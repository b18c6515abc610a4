namespace Ses.Service.Notifications;

/// <summary>Configuration section <c>Notifications:Sms</c>: which <see cref="ISmsGateway"/> sends text messages.</summary>
public sealed class SmsOptions
{
    /// <summary>The outbox gateway that records each message and sends nothing.</summary>
    public const string Outbox = "outbox";

    public static readonly string[] Providers = [Outbox];

    /// <summary>One of <see cref="Providers"/>; a real provider adds its name there and its gateway in <see cref="NotificationsSetup"/>.</summary>
    public string Provider { get; set; } = Outbox;

    public IEnumerable<string> Problems()
    {
        if (!Providers.Contains(Provider))
            yield return $"Notifications:Sms:Provider must be one of {string.Join(", ", Providers)}, not '{Provider}'";
    }
}
