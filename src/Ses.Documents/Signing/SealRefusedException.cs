namespace Ses.Documents.Signing;

/// <summary>
/// The library refuses to seal or sign a document: a draft (「样稿」), or a form the counterparty writes and signs
/// (<see cref="Templates.FormAuthor.Counterparty"/>), or with a key whose certificate names another bureau.
/// <see cref="Code"/> is stable; the message is Chinese.
/// </summary>
public sealed class SealRefusedException(string code, string message) : Exception(message)
{
    public const string DraftCode = "signing.draft";
    public const string CounterpartyCode = "signing.counterparty-form";
    public const string KeyMismatchCode = "signing.key-mismatch";

    public string Code { get; } = code;
}
