using Ses.Documents.Fonts;
using Ses.Documents.Layout;
using Ses.Documents.Signing.Crypto;
using Ses.Documents.Signing.Pdf;

namespace Ses.Documents.Signing;

/// <summary>
/// Signs a rendered PDF: PAdES baseline B-T (ETSI EN 319 142-1) — a CAdES detached CMS with signing-certificate-v2
/// and an RFC 3161 signature timestamp — as an incremental update with the bureau's seal as its appearance.
/// </summary>
internal static class DocumentSigner
{
    public const string NoTimestampNote = "本签名无可信时间戳（PAdES B-B）";

    public static byte[] Sign(byte[] pdf, SealPosition? seal, string bureauName, string sealText, string? location,
        SignatureSettings settings, DateTimeOffset signingTime, string reason, FontChain fonts)
    {
        if (settings.Timestamps is null && !settings.AllowWithoutTimestamp)
        {
            // The signing time comes from an RFC 3161 time-stamp: never fall back silently to the local clock.
            throw new TimestampException("no timestamp authority is configured and signing without a trusted timestamp is not allowed");
        }
        if (settings.Timestamps is null) reason = $"{reason}；{NoTimestampNote}";
        var request = new PdfSignatureRequest(seal, signingTime, bureauName, sealText, reason, location);
        try
        {
            return SignWith(Reserve(settings));
        }
        catch (SignatureSpaceException e)
        {
            // A TSA with a long chain gave a larger token than expected: sign again with room for what it needed.
            return SignWith(e.Needed + 1024);
        }

        byte[] SignWith(int reserve) =>
            PdfSigner.Sign(pdf, request, reserve, signed => CadesSigner.CreateDetachedSignature(signed, settings.Key, settings.Timestamps), fonts);
    }

    /// <summary>Room for the CMS: the certificates it carries, a timestamp token with one TSA certificate (about 1.7 KB
    /// with a 2048-bit key), the signer info, and slack; a larger CMS is signed again with the room it needs.</summary>
    private static int Reserve(SignatureSettings s) =>
        s.Key.Chain.Sum(c => c.GetEncoded().Length) + (s.Timestamps is null ? 0 : 2560) + 1024;
}
