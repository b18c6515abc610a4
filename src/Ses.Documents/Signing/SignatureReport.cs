namespace Ses.Documents.Signing;

/// <summary>What verification found for one signature.</summary>
/// <param name="Index">1-based, in file order.</param>
/// <param name="Intact">The bytes it covers are unchanged and the ByteRange covers its whole revision but the value.</param>
/// <param name="ModifiedAfter">A later revision changed the document (anything but adding signatures).</param>
/// <param name="LaterChanges">What later revisions did (<c>signature-added</c>, <c>content-changed</c>, <c>page-changed</c>…).</param>
/// <param name="Signer">The signer's subject.</param>
/// <param name="ChainTrusted">The signer chains to a configured trust anchor.</param>
/// <param name="TimestampTime">The timestamp's time (UTC), when there is a valid one.</param>
/// <param name="TimestampAuthority">The TSA's subject.</param>
/// <param name="Problems">Stable problem codes; empty when valid.</param>
public sealed record SignatureReport(
    int Index,
    bool Intact,
    bool ModifiedAfter,
    IReadOnlyList<string> LaterChanges,
    string Signer,
    bool ChainTrusted,
    DateTimeOffset? TimestampTime,
    string? TimestampAuthority,
    IReadOnlyList<string> Problems)
{
    public bool Valid => Problems.Count == 0;

    /// <summary>
    /// Nothing is broken: the signed bytes, the signature, its attributes and timestamp check out and nothing but
    /// signatures was added after it. Whether the signer is trusted is a separate question (<see cref="SignerTrusted"/>).
    /// </summary>
    public bool IntegrityHolds => Problems.All(IsTrustProblem);

    /// <summary>The signer's and the TSA's certificates chain, valid, to a configured trust anchor.</summary>
    public bool SignerTrusted => !Problems.Any(IsTrustProblem);

    /// <summary>A problem about whom to trust (the chain to an anchor, the certificates' validity), not about the bytes.</summary>
    public static bool IsTrustProblem(string code) =>
        code.StartsWith("chain.", StringComparison.Ordinal) || code == Crypto.CadesProblems.TimestampUntrusted;
}

/// <summary>The whole verification of a PDF.</summary>
/// <param name="DocumentNumber">The number read from the document (metadata subject or text), if any.</param>
/// <param name="Title">The document's title from its metadata.</param>
/// <param name="Signatures">One report per signature.</param>
public sealed record VerificationReport(string? DocumentNumber, string? Title, IReadOnlyList<SignatureReport> Signatures)
{
    /// <summary>Signed at least once, and every signature valid with nothing changed after it.</summary>
    public bool AllValid => Signatures.Count > 0 && Signatures.All(s => s.Valid);

    /// <summary>Signed at least once, and no signature broken or followed by changes (trust aside).</summary>
    public bool IntegrityHolds => Signatures.Count > 0 && Signatures.All(s => s.IntegrityHolds);

    /// <summary>Every signer chains to a configured trust anchor.</summary>
    public bool SignersTrusted => Signatures.Count > 0 && Signatures.All(s => s.SignerTrusted);
}
