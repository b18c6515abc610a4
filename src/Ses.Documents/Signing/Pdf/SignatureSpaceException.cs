namespace Ses.Documents.Signing.Pdf;

/// <summary>The CMS came out larger than the room reserved for it in /Contents; nothing was written.</summary>
public sealed class SignatureSpaceException(int needed, int reserved)
    : Exception($"the signature ({needed} bytes) is larger than the space reserved for it ({reserved} bytes)")
{
    public int Needed { get; } = needed;
}
