using Ses.Documents.Layout;

namespace Ses.Documents.Signing.Pdf;

/// <summary>What to put into the signature: where the seal goes (null: invisible), when, why, and by whom.</summary>
/// <param name="Seal">Seal position from rendering; null signs invisibly.</param>
/// <param name="SigningTime">The claimed signing time (the timestamp is what proves it).</param>
/// <param name="SignerName">Name of the signer (/Name).</param>
/// <param name="SealText">Text along the seal's arc (the bureau's name).</param>
/// <param name="Reason">Why (/Reason), e.g. 发文.</param>
/// <param name="Location">Where (/Location), e.g. the seal city.</param>
public sealed record PdfSignatureRequest(
    SealPosition? Seal,
    DateTimeOffset SigningTime,
    string SignerName,
    string SealText,
    string? Reason = null,
    string? Location = null);
