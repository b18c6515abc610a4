using System.IO.Compression;

namespace Ses.Documents.Pdf;

/// <summary>FlateDecode data (ISO 32000-1 §7.4.4): a complete zlib stream (RFC 1950), Adler-32 trailer included.</summary>
internal static class Flate
{
    public static byte[] Compress(ReadOnlySpan<byte> data)
    {
        var ms = new MemoryStream(data.Length / 2 + 64);
        using (var z = new ZLibStream(ms, CompressionLevel.Optimal, leaveOpen: true))
        {
            z.Write(data);
        }
        return ms.ToArray();
    }
}
