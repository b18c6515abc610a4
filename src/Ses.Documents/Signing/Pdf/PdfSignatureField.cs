namespace Ses.Documents.Signing.Pdf;

/// <summary>A signature found in a PDF, with the structural facts that need no cryptography.</summary>
/// <param name="Index">1-based, in file order.</param>
/// <param name="ByteRange">The four numbers of /ByteRange.</param>
/// <param name="Cms">The DER signature value from /Contents, without the zero padding.</param>
/// <param name="SignedBytes">The bytes the ByteRange covers (what the signature's digest is over).</param>
/// <param name="RangeProblem">Null when the ByteRange starts at 0, leaves out exactly /Contents and ends at the end of a revision.</param>
/// <param name="RevisionEnd">Offset where the signed revision ends.</param>
/// <param name="LaterChanges">What later revisions did, e.g. <c>signature-added</c>, <c>content-changed</c>, <c>page-added</c>.</param>
/// <param name="SubFilter">The /SubFilter, e.g. ETSI.CAdES.detached.</param>
/// <param name="ClaimedTime">The /M time (claimed by the signer; not proof).</param>
public sealed record PdfSignatureField(
    int Index,
    long[] ByteRange,
    byte[] Cms,
    byte[] SignedBytes,
    string? RangeProblem,
    long RevisionEnd,
    IReadOnlyList<string> LaterChanges,
    string SubFilter,
    string? ClaimedTime);
