using System.Collections.Concurrent;
using System.Text;
using Ses.Documents.Fonts;
using Ses.Documents.Pdf;

namespace Ses.Documents.Signing.Pdf;

/// <summary>
/// The visible seal drawn as vectors: a red ring, a five-pointed star, the bureau's name along the upper arc and the
/// signing time in Beijing time in the free segment below the star. All text is glyph outlines, so the appearance needs
/// no font. Everything is painted with a multiply blend, as red ink over print: the text under the seal stays black.
/// </summary>
internal static class SealAppearance
{
    private const string Red = "0.86 0.08 0.08";

    /// <summary>Font resources of the appearance: the standard Helvetica (ISO 32000-1 §9.6.2.2) for the digits of the time.</summary>
    public const string Fonts = "<</Helv<</Type/Font/Subtype/Type1/BaseFont/Helvetica/Encoding/WinAnsiEncoding>>>>";

    /// <summary>
    /// Graphics state resources of the appearance: /Ink sets the multiply blend mode (ISO 32000-1 §8.4.5 Table 58 /BM,
    /// §11.3.5.2 Table 136), so the seal darkens what lies under it instead of covering it.
    /// </summary>
    public const string GraphicsStates = "<</Ink<</Type/ExtGState/BM/Multiply>>>>";

    // The time in two lines centred below the star (the date and clock in Helvetica, then 北京时间), at 6 % of the seal's
    // diameter (7 pt on a 42 mm seal, as legible as a footnote). The lower segment is the only part of the seal that
    // neither the ring, the star nor the name along the arc (which ends some 45° from the bottom) takes: the lines'
    // outer corners stay 2.8 pt inside the ring. Below the seal, outside it, the time would fall on the document's own
    // text or past the text block when the signature ends a page.
    private const double TimeSize = 0.06;
    private static readonly double[] TimeBaselines = [-0.343, -0.406];

    // The ring, star and name are the same for every document of a bureau: drawn and compressed once.
    private static readonly ConcurrentDictionary<(double, string, FontChain), byte[]> Seals = new();

    // Outlines of the characters of the time line ("北京时间"), which stand at the same place on every seal.
    private static readonly ConcurrentDictionary<(int CodePoint, double X, double Baseline, double Size, FontChain Fonts), (string Ops, double Advance)>
        Glyphs = new();

    /// <summary>The compressed content of the seal form (box [0 0 d d]): ring, star and name.</summary>
    public static byte[] Seal(double d, string sealText, FontChain fonts) =>
        Seals.GetOrAdd((d, sealText, fonts), key => Flate.Compress(Encoding.Latin1.GetBytes(FixedPart(key.Item1, key.Item2, key.Item3))));

    /// <summary>
    /// Content of the appearance (box [0 0 d d]), under the multiply blend: the seal form, then the signing time
    /// ("2026-03-02 10:00:00 北京时间": what follows the last space goes on a second line) below the star.
    /// </summary>
    public static string Build(double d, string timeText, FontChain fonts)
    {
        var ops = new StringBuilder("/Ink gs\nq /Seal Do Q\n", 4096);
        ops.Append(Red).Append(" rg\n");
        var cut = timeText.LastIndexOf(' ');
        string[] lines = cut > 0 ? [timeText[..cut], timeText[(cut + 1)..]] : [timeText];
        for (var i = 0; i < lines.Length; i++)
        {
            TimeLine(ops, lines[i], d / 2, d / 2 + d * TimeBaselines[i], d * TimeSize, fonts);
        }
        return ops.ToString();
    }

    private static string FixedPart(double d, string sealText, FontChain fonts)
    {
        var ops = new StringBuilder(16384);
        var r = d / 2;
        var ring = d * 0.035;
        ops.Append(Red).Append(" RG ").Append(Red).Append(" rg\n");
        ops.Append(GlyphOutlines.Fmt(ring)).Append(" w\n");
        Circle(ops, r, r, r - ring / 2);
        ops.Append("S\n");
        Star(ops, r, r, d * 0.17);
        ops.Append("f\n");
        ArcText(ops, sealText, r, d, fonts);
        return ops.ToString();
    }

    /// <summary>The time, centred: ASCII in Helvetica (no outlines needed), anything else as glyph outlines.</summary>
    private static void TimeLine(StringBuilder ops, string text, double centre, double baseline, double size, FontChain fonts)
    {
        var width = text.EnumerateRunes().Sum(r => r.Value < 0x80 ? HelveticaWidth(r.Value) * size : fonts.AdvanceEm(r.Value) * size);
        var x = centre - width / 2;
        var ascii = new StringBuilder();
        var asciiX = x;
        foreach (var rune in text.EnumerateRunes())
        {
            if (rune.Value < 0x80)
            {
                if (ascii.Length == 0) asciiX = x;
                ascii.Append((char)rune.Value);
                x += HelveticaWidth(rune.Value) * size;
                continue;
            }
            Flush();
            var (glyph, advance) = Glyphs.GetOrAdd((rune.Value, x, baseline, size, fonts), k =>
            {
                var sb = new StringBuilder();
                var adv = Outlines(k.Fonts, k.CodePoint).Append(sb, k.CodePoint, k.X, k.Baseline, k.Size);
                return (sb.Append("f\n").ToString(), adv);
            });
            ops.Append(glyph);
            x += advance;
        }
        Flush();

        void Flush()
        {
            if (ascii.Length == 0) return;
            ops.Append("BT /Helv ").Append(F(size)).Append(" Tf ").Append(F(asciiX)).Append(' ').Append(F(baseline)).Append(" Td (")
               .Append(ascii.ToString()
                   .Replace("\\", "\\\\", StringComparison.Ordinal)
                   .Replace("(", "\\(", StringComparison.Ordinal)
                   .Replace(")", "\\)", StringComparison.Ordinal))
               .Append(") Tj ET\n");
            ascii.Clear();
        }
    }

    // Helvetica advance widths (Adobe AFM, per 1000 em) of the characters a time is written with.
    private static double HelveticaWidth(int c) => c switch
    {
        >= '0' and <= '9' => 0.556,
        '-' => 0.333,
        ':' or ' ' or '.' => 0.278,
        '+' => 0.584,
        '(' or ')' => 0.333,
        _ => 0.556,
    };

    private static GlyphOutlines Outlines(FontChain fonts, int cp) => new(fonts.FaceOf(cp));

    /// <summary>The widest arc the name takes: 243°, so that it ends some 60° either side of the bottom.</summary>
    internal const double MaxArc = Math.PI * 1.35;

    /// <summary>
    /// The name's character size, the radius of its baseline and the angle from the first character's centre to the
    /// last's, for <paramref name="count"/> characters on a seal of radius <paramref name="r"/> (diameter
    /// <paramref name="d"/>): as large as 0.16 of the diameter, smaller when the name is long, so that along the
    /// baseline — where the characters are closest — each keeps 1.05 of its width from the next and none is drawn over
    /// another (the full legal names, 中国民用航空西北地区管理局机场管理处, run to 17 characters); the tops clear the ring.
    /// </summary>
    internal static (double Size, double Radius, double Span) ArcSizing(int count, double r, double d)
    {
        var top = r - d * 0.07;
        var size = Math.Min(d * 0.16, MaxArc * top / (1.05 * Math.Max(count - 1, 0) + MaxArc * 0.85));
        var radius = top - size * 0.85;
        return (size, radius, Math.Min(MaxArc, Math.Max(count - 1, 0) * size * 1.05 / radius));
    }

    /// <summary>The name along the upper arc, read clockwise, each character upright towards the centre.</summary>
    private static void ArcText(StringBuilder ops, string text, double r, double d, FontChain fonts)
    {
        var runes = text.EnumerateRunes().ToList();
        if (runes.Count == 0) return;
        var (size, radius, span) = ArcSizing(runes.Count, r, d);
        var step = runes.Count > 1 ? span / (runes.Count - 1) : 0;
        var angle = Math.PI / 2 + span / 2;
        foreach (var rune in runes)
        {
            // Glyph baseline tangent to the circle; its centre on the arc.
            var cx = r + radius * Math.Cos(angle);
            var cy = r + radius * Math.Sin(angle);
            var rot = angle - Math.PI / 2;
            var half = fonts.AdvanceEm(rune.Value) * size / 2;
            var ox = cx - half * Math.Cos(rot);
            var oy = cy - half * Math.Sin(rot);
            Outlines(fonts, rune.Value).Append(ops, rune.Value, ox, oy, size, rot);
            angle -= step;
        }
        ops.Append("f\n");
    }

    private static void Circle(StringBuilder ops, double cx, double cy, double radius)
    {
        const double k = 0.5523;
        var o = radius * k;
        ops.Append(F(cx + radius)).Append(' ').Append(F(cy)).Append(" m\n");
        Curve(cx + radius, cy + o, cx + o, cy + radius, cx, cy + radius);
        Curve(cx - o, cy + radius, cx - radius, cy + o, cx - radius, cy);
        Curve(cx - radius, cy - o, cx - o, cy - radius, cx, cy - radius);
        Curve(cx + o, cy - radius, cx + radius, cy - o, cx + radius, cy);
        ops.Append("h\n");

        void Curve(double a, double b, double c, double e, double f, double g) =>
            ops.Append(F(a)).Append(' ').Append(F(b)).Append(' ')
                .Append(F(c)).Append(' ').Append(F(e)).Append(' ')
                .Append(F(f)).Append(' ').Append(F(g)).Append(" c\n");
    }

    private static void Star(StringBuilder ops, double cx, double cy, double outer)
    {
        var inner = outer * 0.382;
        for (var i = 0; i < 10; i++)
        {
            var rad = i % 2 == 0 ? outer : inner;
            var a = Math.PI / 2 + i * Math.PI / 5;
            ops.Append(F(cx + rad * Math.Cos(a))).Append(' ').Append(F(cy + rad * Math.Sin(a))).Append(i == 0 ? " m\n" : " l\n");
        }
        ops.Append("h\n");
    }

    private static string F(double v) => GlyphOutlines.Fmt(v);
}
