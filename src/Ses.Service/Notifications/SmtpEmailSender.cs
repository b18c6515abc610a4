using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;
using MimeKit.Text;
using Ses.Service.Calendar;

namespace Ses.Service.Notifications;

/// <summary>
/// Email through the configured SMTP server with MailKit: one connection per message, UTF-8 subject and body, the
/// server's reply to the message kept as the provider's answer. A refused recipient or message (5xx, RFC 5321
/// §4.2.1) is given up at once; anything else is retried by the dispatcher.
/// </summary>
public sealed class SmtpEmailSender(NotificationOptions options, TimeProvider time) : IEmailSender
{
    private SmtpOptions Smtp => options.Smtp;

    public string Description => Smtp.Enabled ? $"{Smtp.Host}:{Smtp.EffectivePort} ({Smtp.Security})" : "off (Notifications:Smtp:Host is empty)";

    public async Task<SendResult> SendAsync(NotificationMessage message, CancellationToken ct)
    {
        if (!Smtp.Enabled) throw new InvalidOperationException("Notifications:Smtp:Host is empty: email is off");
        if (!MailboxAddress.TryParse(message.Recipient, out var parsed) || !parsed.Address.Contains('@'))
            return SendResult.GiveUp("recipient is not an email address", "recipient.invalid");

        var mime = Compose(message, parsed.Address);
        using var client = new SmtpClient { Timeout = Smtp.TimeoutSeconds * 1000 };
        await client.ConnectAsync(Smtp.Host, Smtp.EffectivePort, Security(Smtp.Security), ct);
        if (!string.IsNullOrEmpty(Smtp.User)) await client.AuthenticateAsync(Smtp.User, Smtp.Password ?? "", ct);
        string answer;
        try
        {
            answer = await client.SendAsync(mime, ct);
        }
        catch (SmtpCommandException e) when ((int)e.StatusCode >= 500 && e.ErrorCode is SmtpErrorCode.RecipientNotAccepted or SmtpErrorCode.MessageNotAccepted)
        {
            return SendResult.GiveUp($"{(int)e.StatusCode} {e.Message}", $"smtp {(int)e.StatusCode} {e.ErrorCode}");
        }
        try
        {
            await client.DisconnectAsync(quit: true, ct);
        }
        catch (Exception e) when (e is IOException or SmtpProtocolException or SmtpCommandException)
        {
            // The server accepted the message; a failed QUIT does not make it unsent.
        }
        return SendResult.Success(answer);
    }

    private MimeMessage Compose(NotificationMessage message, string address)
    {
        var sender = Smtp.Sender;
        var domain = sender.Domain.Length > 0 ? sender.Domain : "localhost";
        var mime = new MimeMessage
        {
            Subject = message.Subject,
            Date = time.GetUtcNow().ToOffset(LegalDates.Beijing),
            // The same id on every attempt, so a receiving system can tell a repeat from a second message.
            MessageId = FormattableString.Invariant($"ses-notification-{message.Id}-{message.CreatedAt.ToUnixTimeMilliseconds()}@{domain}"),
            Body = new TextPart(TextFormat.Plain) { Text = message.Body },
        };
        mime.From.Add(sender);
        mime.To.Add(new MailboxAddress(message.RecipientName, address));
        return mime;
    }

    private static SecureSocketOptions Security(string security) => security switch
    {
        SmtpOptions.None => SecureSocketOptions.None,
        SmtpOptions.SslOnConnect => SecureSocketOptions.SslOnConnect,
        _ => SecureSocketOptions.StartTls,
    };
}
