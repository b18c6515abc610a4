namespace Ses.Documents.Signing;

/// <summary>
/// The library refuses to seal or sign a document: a draft (「样稿」), or a form the counterparty writes and signs
/// (<see cref="Templates.FormAuthor.Counterparty"/>), or with a key whose certificate names another bureau, or with a key
/// that is not the sealing unit's (a unit's form with the bureau's key, the bureau's document with a unit's key).
/// <see cref="Code"/> is stable; the message is Chinese.
/// </summary>
public sealed class SealRefusedException(string code, string message) : Exception(message)
{
    public const string DraftCode = "signing.draft";
    public const string CounterpartyCode = "signing.counterparty-form";
    public const string KeyMismatchCode = "signing.key-mismatch";

    /// <summary>A unit's form (a collection form, a transfer slip) offered a key that is not that unit's.</summary>
    public const string UnitKeyRequiredCode = "signing.unit-key-required";

    /// <summary>A document the bureau seals offered a unit's key (a certificate with an OU).</summary>
    public const string BureauKeyRequiredCode = "signing.bureau-key-required";

    public string Code { get; } = code;
}
