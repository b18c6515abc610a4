namespace Ses.Documents.Layout;

/// <summary>A run of text in one face: left edge, baseline, size and horizontal scale, and its laid-out width.</summary>
internal sealed record TextOp(double X, double Baseline, int Chain, int Face, double Size, double Scale, string Text, double Width, bool Bold);

/// <summary>A ruled line.</summary>
internal sealed record RuleOp(double X1, double Y1, double X2, double Y2);

/// <summary>
/// A draft's mark across the page: runs of text (X is the offset along the baseline, Baseline 0) set on a baseline
/// through the page centre at <paramref name="Angle"/> degrees, light grey, beneath everything else.
/// </summary>
internal sealed record WatermarkOp(IReadOnlyList<TextOp> Runs, double Size, double Angle, double Width);

internal sealed class PageOps
{
    public List<TextOp> Texts { get; } = [];

    public WatermarkOp? Watermark { get; set; }

    public List<RuleOp> Rules { get; } = [];
}

/// <summary>Where the seal goes: page index and centre, in points from the top-left of the page.</summary>
public sealed record SealPosition(int Page, double CenterX, double CenterY, double Diameter);

/// <summary>
/// The pages, where the seal goes, and the body's line pitch in points: the grid's, or the tighter one GB/T 9704-2012
/// §7.3.5 allows when the closing would otherwise stand alone on a page (the DOCX is set on the same pitch).
/// </summary>
internal sealed record LaidOutDocument(IReadOnlyList<PageOps> Pages, SealPosition? Seal, double LinePitch);
