namespace Ses.Documents.Fonts;

/// <summary>One font file: its bytes (handed to PDFsharp), its metrics, and the face name PDFsharp knows it by.</summary>
internal sealed class FontFace
{
    public FontFace(string path)
    {
        Path = path;
        if (!File.Exists(path)) throw new FileNotFoundException($"font file not found: {path}", path);
        Data = File.ReadAllBytes(path);
        Metrics = TrueTypeMetrics.Read(Data);
        FaceName = "ses-" + Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(Data))[..16];
    }

    public string Path { get; }

    public byte[] Data { get; }

    public TrueTypeMetrics Metrics { get; }

    public string FaceName { get; }

    public string FamilyName => Metrics.FamilyName;
}
