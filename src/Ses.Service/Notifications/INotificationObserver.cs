namespace Ses.Service.Notifications;

/// <summary>
/// Told of every send attempt after its result is stored in the message row (the delivery code appends an evidence
/// entry per attempt). Resolved in the dispatcher's scope, so it may use that scope's <c>SesDbContext</c> and must
/// save its own changes. A failing observer is logged; the attempt's result stays stored and is not repeated.
/// </summary>
public interface INotificationObserver
{
    /// <param name="message">The row as stored after the attempt (Attempts, SentAt or FailedAt, NextAttemptAt, LastError, ProviderAnswer).</param>
    /// <param name="sent">Whether this attempt sent the message.</param>
    /// <param name="answer">The provider's answer when sent, else the error.</param>
    /// <param name="ct">Cancels the observer's work.</param>
    Task OnAttemptAsync(NotificationMessage message, bool sent, string answer, CancellationToken ct);
}
