namespace Ses.Documents.Fonts;

/// <summary>One font file: its bytes, its metrics, and what an embedded subset is built from.</summary>
internal sealed class FontFace
{
    public FontFace(string path)
    {
        Path = path;
        if (!File.Exists(path)) throw new FileNotFoundException($"font file not found: {path}", path);
        Data = File.ReadAllBytes(path);
        Metrics = TrueTypeMetrics.Read(Data);
        Program = new FontProgram(Data, Metrics);
    }

    public string Path { get; }

    public byte[] Data { get; }

    public TrueTypeMetrics Metrics { get; }

    /// <summary>What an embedded subset of this font is built from.</summary>
    public FontProgram Program { get; }

    public string FamilyName => Metrics.FamilyName;
}
