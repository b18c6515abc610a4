using System.Collections.Concurrent;
using Ses.Service.Notifications;

namespace Ses.Service.Tests.Notifications;

/// <summary>Keeps every attempt the dispatcher reports, as the delivery code's evidence log would.</summary>
public sealed class RecordingObserver : INotificationObserver
{
    public ConcurrentQueue<(long Id, int Attempts, bool Sent, string Answer)> Attempts { get; } = new();

    public Task OnAttemptAsync(NotificationMessage message, bool sent, string answer, CancellationToken ct)
    {
        Attempts.Enqueue((message.Id, message.Attempts, sent, answer));
        return Task.CompletedTask;
    }
}
