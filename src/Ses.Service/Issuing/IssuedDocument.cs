namespace Ses.Service.Issuing;

/// <summary>A numbered document as issued: immutable except for voiding, which keeps the number (GB/T 9704-2012 §7.2.5).</summary>
public sealed class IssuedDocument
{
    public Guid Id { get; init; }

    public required string Bureau { get; init; }

    public required string Series { get; init; }

    public required int Year { get; init; }

    public required int Sequence { get; init; }

    /// <summary>The formatted number, e.g. 西北局信告字〔2026〕1号.</summary>
    public required string Number { get; init; }

    public required string FormId { get; init; }

    /// <summary>The addressee as printed (the form's party or organisation name), for the register.</summary>
    public string Party { get; init; } = "";

    /// <summary>The registered counterparty it is addressed to.</summary>
    public Guid? CounterpartyId { get; init; }

    /// <summary>The draft it was issued from.</summary>
    public Guid? DraftId { get; init; }

    public required string Officer { get; init; }

    public required DateTimeOffset IssuedAt { get; init; }

    /// <summary>SHA-256 (hex) of the signed PDF in the file store.</summary>
    public required string PdfSha256 { get; init; }

    /// <summary>SHA-256 (hex) of the DOCX in the file store.</summary>
    public required string DocxSha256 { get; init; }

    /// <summary>The field values as issued (JSON, without the number): what the deadlines that depend on the form's choices read.</summary>
    public string DataJson { get; init; } = "{}";

    /// <summary>The document this one corrects, if any (a correction is a new document).</summary>
    public Guid? Replaces { get; init; }

    public DateTimeOffset? VoidedAt { get; set; }

    public string? VoidReason { get; set; }
}
