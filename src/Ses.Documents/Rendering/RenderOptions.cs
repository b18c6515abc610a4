namespace Ses.Documents.Rendering;

/// <summary>
/// How a form is rendered. <see cref="Draft"/> is what staff see before issuing: unnumbered (a number in the input is
/// dropped, the number line shows the blank brackets) and marked 「样稿」 across every page in the PDF and the DOCX, so a
/// draft can never pass for an issued document. A draft is never signed
/// (<see cref="DocumentEngine.Sign(RenderedDocument, Signing.SignatureSettings, DateTimeOffset, bool, string)"/> refuses it).
/// </summary>
/// <param name="Watermark">Text drawn large and light across every page, beneath the text; null for none.</param>
public sealed record RenderOptions(string? Watermark = null)
{
    public const string DraftMark = "样稿";

    /// <summary>The document as issued: numbered as given, no watermark.</summary>
    public static readonly RenderOptions Final = new();

    /// <summary>A preview: unnumbered, watermarked 「样稿」.</summary>
    public static readonly RenderOptions Draft = new(DraftMark);

    public bool IsDraft => Watermark is not null;
}
