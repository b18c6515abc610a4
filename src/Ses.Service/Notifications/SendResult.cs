namespace Ses.Service.Notifications;

/// <summary>
/// What one send attempt gave: sent with the provider's answer, or not sent with the reason. A permanent failure
/// (the server refused the recipient, the address cannot be parsed) is not retried. <see cref="Reason"/> is what a
/// log may show of a failure: a short code without recipient or server text.
/// </summary>
public sealed record SendResult(bool Sent, string Answer, bool Permanent, string Reason)
{
    public static SendResult Success(string answer) => new(true, answer, false, "");

    public static SendResult Retry(string error, string reason) => new(false, error, false, reason);

    public static SendResult GiveUp(string error, string reason) => new(false, error, true, reason);
}
