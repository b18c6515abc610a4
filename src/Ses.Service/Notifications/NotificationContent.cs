namespace Ses.Service.Notifications;

/// <summary>What a counterparty's contacts are told: the SMS text, and the email's subject and body (UTF-8).</summary>
public sealed record NotificationContent(string Sms, string EmailSubject, string EmailBody);
