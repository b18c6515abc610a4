namespace Ses.Service.Notifications;

/// <summary>
/// Configuration section <c>Notifications</c>: how often the dispatcher looks for due messages, how often a failed
/// one is retried, the SMS gateway (<see cref="SmsOptions"/>) and the SMTP server (<see cref="SmtpOptions"/>).
/// </summary>
public sealed class NotificationOptions
{
    public const string Section = "Notifications";

    /// <summary>Seconds between looks for due messages; 0 turns the background dispatcher off on this instance.</summary>
    public int PollSeconds { get; set; } = 5;

    /// <summary>Attempts before a message is given up (<see cref="NotificationMessage.FailedAt"/>).</summary>
    public int MaxAttempts { get; set; } = 8;

    /// <summary>How long a claim holds: another instance takes the message over only after this.</summary>
    public int LeaseSeconds { get; set; } = 300;

    /// <summary>Due messages read per round.</summary>
    public int BatchSize { get; set; } = 20;

    public SmsOptions Sms { get; set; } = new();

    public SmtpOptions Smtp { get; set; } = new();

    /// <summary>Every problem with the settings, each naming its key; empty when usable.</summary>
    public IEnumerable<string> Problems()
    {
        if (PollSeconds < 0) yield return $"Notifications:PollSeconds must be 0 (off) or more, not {PollSeconds}";
        if (MaxAttempts < 1) yield return $"Notifications:MaxAttempts must be 1 or more, not {MaxAttempts}";
        if (BatchSize < 1) yield return $"Notifications:BatchSize must be 1 or more, not {BatchSize}";
        // The lease must outlast one send (the SMTP timeout) or a slow send could be taken over and sent twice.
        if (LeaseSeconds < Smtp.TimeoutSeconds * 2)
            yield return $"Notifications:LeaseSeconds must be at least twice Notifications:Smtp:TimeoutSeconds ({Smtp.TimeoutSeconds * 2}), not {LeaseSeconds}";
        foreach (var problem in Sms.Problems().Concat(Smtp.Problems())) yield return problem;
    }
}
