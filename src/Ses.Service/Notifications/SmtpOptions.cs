using System.Diagnostics.CodeAnalysis;
using MimeKit;

namespace Ses.Service.Notifications;

/// <summary>
/// Configuration section <c>Notifications:Smtp</c>: the server email goes through. An empty <see cref="Host"/> turns
/// email off: no email is queued and the start-up log says so.
/// </summary>
public sealed class SmtpOptions
{
    public const string None = "None";
    public const string StartTls = "StartTls";
    public const string SslOnConnect = "SslOnConnect";

    public static readonly string[] SecurityModes = [None, StartTls, SslOnConnect];

    public string? Host { get; set; }

    /// <summary>0 takes the usual port of <see cref="Security"/>: 25, 587 or 465.</summary>
    public int Port { get; set; }

    /// <summary>The sender with its display name, e.g. <c>民航西北地区管理局 SES &lt;ses@example.gov.cn&gt;</c>.</summary>
    public string? From { get; set; }

    /// <summary><see cref="None"/>, <see cref="StartTls"/> (default) or <see cref="SslOnConnect"/>.</summary>
    public string Security { get; set; } = StartTls;

    public string? User { get; set; }

    /// <summary>Secret: give it through the environment (<c>Notifications__Smtp__Password</c>), never in a file in git.</summary>
    public string? Password { get; set; }

    /// <summary>Connect and command timeout of one send.</summary>
    public int TimeoutSeconds { get; set; } = 30;

    [MemberNotNullWhen(true, nameof(Host))]
    public bool Enabled => !string.IsNullOrWhiteSpace(Host);

    public int EffectivePort => Port != 0 ? Port : Security switch
    {
        SslOnConnect => 465,
        StartTls => 587,
        _ => 25,
    };

    public MailboxAddress Sender => MailboxAddress.Parse(From ?? "");

    public IEnumerable<string> Problems()
    {
        if (!SecurityModes.Contains(Security))
            yield return $"Notifications:Smtp:Security must be one of {string.Join(", ", SecurityModes)}, not '{Security}'";
        if (Port is < 0 or > 65535) yield return $"Notifications:Smtp:Port must be between 1 and 65535 (or 0 for the default), not {Port}";
        if (TimeoutSeconds < 1) yield return $"Notifications:Smtp:TimeoutSeconds must be 1 or more, not {TimeoutSeconds}";
        if (!Enabled) yield break;
        if (string.IsNullOrWhiteSpace(From))
        {
            yield return "Notifications:Smtp:From is required with Notifications:Smtp:Host (e.g. 民航西北地区管理局 SES <ses@example.gov.cn>)";
        }
        else if (!MailboxAddress.TryParse(From, out _))
        {
            yield return $"Notifications:Smtp:From is not an address: '{From}'";
        }
        if (!string.IsNullOrEmpty(User) && Password is null)
            yield return "Notifications:Smtp:Password (environment Notifications__Smtp__Password) is required with Notifications:Smtp:User";
    }
}
