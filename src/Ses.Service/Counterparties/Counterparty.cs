namespace Ses.Service.Counterparties;

/// <summary>A party documents are served on: an organisation or a person, with two contacts for SMS and email.</summary>
public sealed class Counterparty
{
    public Guid Id { get; init; }

    /// <summary>One of <see cref="CounterpartyKind"/>.</summary>
    public required string Kind { get; init; }

    public required string Name { get; set; }

    /// <summary>uscc, airline, licence (organisations) or id, passport (persons): 实施办法第五条.</summary>
    public required string IdScheme { get; init; }

    public required string IdValue { get; set; }

    public string Address { get; set; } = "";

    /// <summary>The supervising bureau's code; its administrators manage the counterparty.</summary>
    public required string SupervisingBureau { get; set; }

    public required string Contact1Name { get; set; }

    public required string Contact1Mobile { get; set; }

    public string Contact1Email { get; set; } = "";

    public required string Contact2Name { get; set; }

    public required string Contact2Mobile { get; set; }

    public string Contact2Email { get; set; } = "";

    public DateTimeOffset CreatedAt { get; init; }
}
