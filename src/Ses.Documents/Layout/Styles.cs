namespace Ses.Documents.Layout;

/// <summary>
/// Page geometry and text styles of GB/T 9704-2012, in PDF points. The one place
/// where sizes and spacing live.
/// </summary>
internal static class Styles
{
    public const double Mm = 72.0 / 25.4;

    // GB/T 9704-2012 §5.2: A4, top margin 37 mm, binding margin 28 mm, text block 156 × 225 mm.
    public const double PageWidth = 210 * Mm;
    public const double PageHeight = 297 * Mm;
    public const double Left = 28 * Mm;
    public const double Top = 37 * Mm;
    public const double BlockWidth = 156 * Mm;
    public const double BlockHeight = 225 * Mm;
    public const double Right = Left + BlockWidth;
    public const double Bottom = Top + BlockHeight;

    // §5.2.2: 22 lines of 28 characters; body 3号 (16 pt). 28 cells of 16 pt are 158 mm, so the body is set on a
    // 156/28 mm grid with a horizontal scale of 98.7 %, as word processors do with condensed character spacing.
    public const double BodySize = 16;
    public const double LinePitch = BlockHeight / 22;
    public const double BodyCell = BlockWidth / 28;
    public const double BodyScale = BodyCell / BodySize;

    // Title 2号 (22 pt), centred.
    public const double TitleSize = 22;
    public const double TitlePitch = TitleSize * 1.5;

    // Tables: 小四 (12 pt) in ruled cells.
    public const double TableSize = 12;
    public const double TablePitch = TableSize * 1.5;
    public const double CellPadX = 4;
    public const double CellPadY = 3;
    public const double RuleWidth = 0.75;

    // English text of bilingual forms: the serif Latin font at the body's size, on the body's line pitch.
    public const double EnglishSize = BodySize;
    public const double EnglishPitch = LinePitch;

    // Page numbers 4号 (14 pt) "— 1 —", 7 mm below the text block, odd pages right and even pages left, one character in.
    public const double PageNumberSize = 14;
    public const double PageNumberGap = 7 * Mm;

    // The seal (about 42 mm across) sits centred over the issuing body's name and the date (§7.3.5.1).
    public const double SealDiameter = 42 * Mm;

    // §7.3.5.1 (发文机关署名和成文日期居印章中心偏下位置): the lines the seal presses on sit this share of their pitch
    // below its centre.
    public const double SealDrop = 0.25;

    // A draft's 「样稿」 mark: 150 pt title face, light grey, on a 45° line through the page centre.
    public const double WatermarkSize = 150;
    public const double WatermarkAngle = 45;
    public const double WatermarkGrey = 0.78;
    public const double WatermarkStroke = 2.5;

    // The body stays on the grid. The one adjustment GB/T 9704-2012 §7.3.5 allows: when the issuing body, the date and
    // the seal would stand alone on the last page, the line spacing is tightened in these steps, never below 90 %.
    public const double MinPitchShare = 0.9;
    public static readonly double[] ClosingPitchSteps = [0.975, 0.95, 0.925, MinPitchShare];

    /// <summary>Where the baseline sits in a line box of the given pitch for text of the given size.</summary>
    public static double Baseline(double lineTop, double pitch, double size) => lineTop + (pitch - size) / 2 + size * 0.88;
}
