namespace Ses.Service.Consent;

/// <summary>
/// A counterparty's signed 《关于使用民航行业监管执法信息系统（SES）的确认函》 as its supervising bureau verified it: the scan
/// (its SHA-256 in the file store), the date on the letter, who verified it and when. Electronic service rests on it
/// (注册通知第二条第（三）项、第（四）项); without a letter in force a counterparty is served on paper only. A newer letter
/// supersedes an older one and a withdrawn letter stops electronic service; neither is ever deleted, so a delivery
/// certificate can always cite the letter in force when the document was served.
/// </summary>
public sealed class ConsentLetter
{
    public Guid Id { get; init; }

    public Guid CounterpartyId { get; init; }

    /// <summary>The bureau whose staff verified it (the counterparty's supervising bureau).</summary>
    public required string Bureau { get; init; }

    /// <summary>The date the counterparty wrote on the letter (年 月 日).</summary>
    public DateOnly SignedOn { get; init; }

    public required string FileName { get; init; }

    public long FileSize { get; init; }

    public required string ContentType { get; init; }

    public required string FileSha256 { get; init; }

    public required string VerifiedBy { get; init; }

    public DateTimeOffset VerifiedAt { get; init; }

    /// <summary>Set when a newer letter was verified, or when the letter was withdrawn.</summary>
    public DateTimeOffset? EndedAt { get; set; }

    public string? EndedBy { get; set; }

    /// <summary>Why it ended: 「已由新的确认函取代」 or the reason given for withdrawing it.</summary>
    public string? EndReason { get; set; }
}
