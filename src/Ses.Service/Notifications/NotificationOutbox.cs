using Ses.Service.Counterparties;
using Ses.Service.Data;

namespace Ses.Service.Notifications;

/// <summary>
/// Queues notifications in the caller's unit of work: messages are added to the <see cref="SesDbContext"/> and not
/// saved, so they are stored in the same transaction as the record they belong to, or not at all. Sending happens
/// later (<see cref="NotificationDispatcher"/>) and never undoes or delays that record.
/// </summary>
public sealed class NotificationOutbox(SesDbContext db, NotificationOptions options, TimeProvider time, ILogger<NotificationOutbox> logger)
{
    /// <summary>False when <c>Notifications:Smtp:Host</c> is empty: no email is queued.</summary>
    public bool EmailEnabled => options.Smtp.Enabled;

    /// <summary>
    /// One SMS per distinct non-empty mobile and, with email on, one email per distinct non-empty address of the
    /// counterparty's two contacts, all with the same content.
    /// </summary>
    public IReadOnlyList<NotificationMessage> EnqueueForCounterparty(
        Counterparty party, string kind, NotificationContent content, Guid? deliveryId = null, DateTimeOffset? notBefore = null) =>
        EnqueueForCounterparty(party, kind, _ => content, deliveryId, notBefore);

    /// <summary>As above, with content made for each contact from the contact's name (e.g. a salutation).</summary>
    public IReadOnlyList<NotificationMessage> EnqueueForCounterparty(
        Counterparty party, string kind, Func<string, NotificationContent> contentFor, Guid? deliveryId = null, DateTimeOffset? notBefore = null)
    {
        var queued = new List<NotificationMessage>();
        var mobiles = new HashSet<string>(StringComparer.Ordinal);
        var emails = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, mobile, email) in new[]
        {
            (party.Contact1Name, party.Contact1Mobile, party.Contact1Email),
            (party.Contact2Name, party.Contact2Mobile, party.Contact2Email),
        })
        {
            var content = contentFor(name);
            if (!string.IsNullOrWhiteSpace(mobile) && mobiles.Add(mobile.Trim()))
                queued.Add(Enqueue(kind, NotificationChannel.Sms, mobile.Trim(), name, "", content.Sms, deliveryId, notBefore));
            if (EmailEnabled && !string.IsNullOrWhiteSpace(email) && emails.Add(email.Trim()))
                queued.Add(Enqueue(kind, NotificationChannel.Email, email.Trim(), name, content.EmailSubject, content.EmailBody, deliveryId, notBefore));
        }
        return queued;
    }

    /// <summary>
    /// Adds one message to the context without saving it. It is due at <paramref name="notBefore"/> (default: now),
    /// e.g. a reminder queued at serving for the working day before the deemed-delivery date.
    /// </summary>
    public NotificationMessage Enqueue(
        string kind, string channel, string recipient, string recipientName, string subject, string body,
        Guid? deliveryId = null, DateTimeOffset? notBefore = null)
    {
        if (!NotificationKind.All.Contains(kind)) throw new ArgumentOutOfRangeException(nameof(kind), kind, "not a NotificationKind");
        if (!NotificationChannel.All.Contains(channel)) throw new ArgumentOutOfRangeException(nameof(channel), channel, "not a NotificationChannel");
        var now = time.GetUtcNow();
        var message = new NotificationMessage
        {
            DeliveryId = deliveryId,
            Kind = kind,
            Channel = channel,
            Recipient = recipient,
            RecipientName = recipientName,
            Subject = subject,
            Body = body,
            CreatedAt = now,
            // Stored in UTC: PostgreSQL's timestamptz takes nothing else, and SQLite's ordering assumes it.
            NextAttemptAt = (notBefore ?? now).ToUniversalTime(),
        };
        db.NotificationMessages.Add(message);
        if (logger.IsEnabled(LogLevel.Information)) logger.LogQueued(kind, channel, RecipientMask.For(channel, recipient));
        return message;
    }
}
