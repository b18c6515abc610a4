namespace Ses.Service.CounterpartyChanges;

/// <summary>
/// A change a counterparty makes to its own registration online (配置管理; 确认函第二条第2项: "信息发生变更的，本单位将及时
/// 在线变更"): new contacts or address, applied at once; a new name or identifier, or another account, applied once its
/// supervising bureau approves (注册通知第二条第（四）项). Every change is kept with the values before and after.
/// </summary>
public sealed class CounterpartyChange
{
    public Guid Id { get; init; }

    public Guid CounterpartyId { get; init; }

    /// <summary>The supervising bureau whose administrators decide.</summary>
    public required string Bureau { get; init; }

    /// <summary>One of <see cref="CounterpartyChangeKind"/>.</summary>
    public required string Kind { get; init; }

    /// <summary>The values before, as JSON (contacts and address, or name and identifier); empty for an account.</summary>
    public required string BeforeJson { get; init; }

    /// <summary>The values asked for, as JSON (for an account: its name and department).</summary>
    public required string AfterJson { get; init; }

    /// <summary>One of <see cref="CounterpartyChangeState"/>.</summary>
    public required string State { get; set; }

    /// <summary>The account that asked for it.</summary>
    public required string RequestedBy { get; init; }

    public DateTimeOffset RequestedAt { get; init; }

    public string? DecidedBy { get; set; }

    public DateTimeOffset? DecidedAt { get; set; }

    /// <summary>Why it was rejected.</summary>
    public string? Reason { get; set; }
}
