using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.Cms;
using Org.BouncyCastle.Cms;

namespace Ses.Documents.Signing.Crypto;

/// <summary>Feeds a caller's stream (content type id-data) to the CMS generator exactly once, without buffering
/// it.</summary>
internal sealed class OneShotStreamContent(Stream content) : CmsTypedData
{
    private bool written;

    public DerObjectIdentifier ContentType => CmsObjectIdentifiers.Data;

    public void Write(Stream output)
    {
        if (written) throw new InvalidOperationException("The signed content stream can only be read once.");
        written = true;
        content.CopyTo(output);
    }
}
