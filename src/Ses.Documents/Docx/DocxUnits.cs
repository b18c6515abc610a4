using System.Globalization;
using Ses.Documents.Layout;

namespace Ses.Documents.Docx;

/// <summary>
/// The page geometry of <see cref="Styles"/> (PDF points) in Word units: twentieths of a point (twips, "dxa") for
/// lengths, half points for font sizes, eighths of a point for borders.
/// </summary>
internal static class DocxUnits
{
    /// <summary>Twips of a length in PDF points.</summary>
    public static int Twips(double points) => (int)Math.Round(points * 20, MidpointRounding.AwayFromZero);

    /// <summary>The attribute text of a length in twips ("dxa").</summary>
    public static string Dxa(double points) => Twips(points).ToString(CultureInfo.InvariantCulture);

    /// <summary>The w:sz value (half points) of a font size in points.</summary>
    public static string HalfPoints(double points) =>
        ((int)Math.Round(points * 2, MidpointRounding.AwayFromZero)).ToString(CultureInfo.InvariantCulture);

    public static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);

    // GB/T 9704-2012 §5.2: A4 (11906 × 16838 twips), top 37 mm, binding (left) 28 mm, text block 156 × 225 mm.
    public static readonly int PageWidth = Twips(Styles.PageWidth);
    public static readonly int PageHeight = Twips(Styles.PageHeight);
    public static readonly int MarginTop = Twips(Styles.Top);
    public static readonly int MarginLeft = Twips(Styles.Left);
    public static readonly int BlockWidth = Twips(Styles.BlockWidth);
    public static readonly int BlockHeight = Twips(Styles.BlockHeight);
    public static readonly int MarginRight = PageWidth - MarginLeft - BlockWidth;
    public static readonly int MarginBottom = PageHeight - MarginTop - BlockHeight;

    /// <summary>
    /// A line pitch in twips, rounded down: Word fits floor(block / pitch) lines on a page, so a pitch rounded up could
    /// lose a line the PDF has.
    /// </summary>
    public static int Pitch(double points) => (int)Math.Floor(points * 20 + 1e-6);

    /// <summary>Grid line pitch: 22 lines in the 225 mm block (579 twips, the value of Word's own 公文 templates).</summary>
    public static readonly int LinePitch = Pitch(Styles.LinePitch);

    /// <summary>
    /// Character spacing (w:spacing, twips) of 16 pt body text: 28 characters in 156 mm give 15.79 pt cells, so each
    /// character is condensed by 0.21 pt, rounded up to 5 twips so 28 still fit (the PDF sets the same grid with a
    /// horizontal scale of <see cref="Styles.BodyScale"/>).
    /// </summary>
    public static readonly int BodyCondense = -(int)Math.Ceiling((Styles.BodySize - Styles.BodyCell) * 20);

    /// <summary>One body character cell (156 mm / 28) in twips.</summary>
    public static readonly int BodyCell = Twips(Styles.BodyCell);

    /// <summary>Border width of table rules in eighths of a point (0.75 pt).</summary>
    public static readonly uint RuleSize = (uint)Math.Round(Styles.RuleWidth * 8);
}
