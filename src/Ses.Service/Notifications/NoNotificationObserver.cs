namespace Ses.Service.Notifications;

/// <summary>The default observer: the message row is the only record.</summary>
public sealed class NoNotificationObserver : INotificationObserver
{
    public Task OnAttemptAsync(NotificationMessage message, bool sent, string answer, CancellationToken ct) => Task.CompletedTask;
}
