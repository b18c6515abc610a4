using System.Buffers.Binary;
using System.Globalization;
using System.Text;

namespace Ses.Documents.Fonts;

/// <summary>
/// Draws text as vector outlines read from a TrueType font's glyf table (quadratic curves written as PDF cubic
/// curves). Used for the seal appearance, which must not depend on which glyphs a document's font subset happens to hold.
/// </summary>
internal sealed class GlyphOutlines
{
    private readonly FontFace _face;
    private readonly bool _longLoca;
    private readonly (int Offset, int Length) _loca;
    private readonly (int Offset, int Length) _glyf;

    public GlyphOutlines(FontFace face)
    {
        _face = face;
        var tables = TrueTypeMetrics.ReadTableDirectory(face.Data);
        _longLoca = BinaryPrimitives.ReadInt16BigEndian(TrueTypeMetrics.Table(face.Data, tables, "head")[50..]) == 1;
        _loca = tables["loca"];
        _glyf = tables["glyf"];
    }

    /// <summary>
    /// Appends path operators for one character whose origin (baseline left) is at (x, y) in PDF user space,
    /// rotated by <paramref name="angle"/> radians about that origin, at the given size; returns the advance.
    /// </summary>
    public double Append(StringBuilder ops, int codePoint, double x, double y, double size, double angle = 0, double scaleX = 1)
    {
        var metrics = _face.Metrics;
        var glyph = metrics.GlyphId(codePoint);
        var k = size / metrics.UnitsPerEm;
        var (cos, sin) = (Math.Cos(angle), Math.Sin(angle));
        foreach (var contour in Contours(glyph, 0))
        {
            if (contour.Count == 0) continue;
            var pts = contour;
            // Start from an on-curve point (or the midpoint of the first two off-curve points).
            var start = pts.FindIndex(p => p.On);
            var first = start >= 0 ? pts[start] : Mid(pts[0], pts[1]);
            var seq = start >= 0 ? [.. pts.Skip(start + 1), .. pts.Take(start + 1)] : pts.Append(pts[0]).ToList();
            Move(first);
            var current = first;
            Point? control = null;
            foreach (var p in seq)
            {
                if (p.On)
                {
                    if (control is { } c) Quad(current, c, p); else Line(p);
                    current = p;
                    control = null;
                }
                else if (control is { } c)
                {
                    var mid = Mid(c, p);
                    Quad(current, c, mid);
                    current = mid;
                    control = p;
                }
                else
                {
                    control = p;
                }
            }
            if (control is { } last) Quad(current, last, first);
            ops.Append("h\n");
        }
        return metrics.AdvanceEm(codePoint) * size * scaleX;

        (double X, double Y) Map(Point p)
        {
            var px = p.X * k * scaleX;
            var py = p.Y * k;
            return (x + px * cos - py * sin, y + px * sin + py * cos);
        }

        void Move(Point p) { var (a, b) = Map(p); ops.Append(Fmt(a)).Append(' ').Append(Fmt(b)).Append(" m\n"); }

        void Line(Point p) { var (a, b) = Map(p); ops.Append(Fmt(a)).Append(' ').Append(Fmt(b)).Append(" l\n"); }

        void Quad(Point p0, Point c, Point p1)
        {
            var c1 = new Point(p0.X + 2.0 / 3 * (c.X - p0.X), p0.Y + 2.0 / 3 * (c.Y - p0.Y), false);
            var c2 = new Point(p1.X + 2.0 / 3 * (c.X - p1.X), p1.Y + 2.0 / 3 * (c.Y - p1.Y), false);
            var (a1, b1) = Map(c1);
            var (a2, b2) = Map(c2);
            var (a3, b3) = Map(p1);
            ops.Append(Fmt(a1)).Append(' ').Append(Fmt(b1)).Append(' ').Append(Fmt(a2)).Append(' ').Append(Fmt(b2)).Append(' ')
               .Append(Fmt(a3)).Append(' ').Append(Fmt(b3)).Append(" c\n");
        }
    }

    // A tenth of a point is far below what a seal of 42 mm shows, and keeps the appearance small.
    public static string Fmt(double v) => v.ToString("0.#", CultureInfo.InvariantCulture);

    private static Point Mid(Point a, Point b) => new((a.X + b.X) / 2, (a.Y + b.Y) / 2, true);

    private readonly record struct Point(double X, double Y, bool On);

    private List<List<Point>> Contours(int glyph, int depth)
    {
        var loca = _face.Data.AsSpan(_loca.Offset, _loca.Length);
        var glyf = _face.Data.AsSpan(_glyf.Offset, _glyf.Length);
        int start, end;
        if (_longLoca)
        {
            start = (int)BinaryPrimitives.ReadUInt32BigEndian(loca[(glyph * 4)..]);
            end = (int)BinaryPrimitives.ReadUInt32BigEndian(loca[(glyph * 4 + 4)..]);
        }
        else
        {
            start = BinaryPrimitives.ReadUInt16BigEndian(loca[(glyph * 2)..]) * 2;
            end = BinaryPrimitives.ReadUInt16BigEndian(loca[(glyph * 2 + 2)..]) * 2;
        }
        if (end <= start || depth > 8) return [];
        var g = glyf[start..end];
        var contours = BinaryPrimitives.ReadInt16BigEndian(g);
        return contours >= 0 ? Simple(g, contours) : Composite(g, depth);
    }

    private static List<List<Point>> Simple(ReadOnlySpan<byte> g, int contourCount)
    {
        var ends = new int[contourCount];
        for (var i = 0; i < contourCount; i++) ends[i] = BinaryPrimitives.ReadUInt16BigEndian(g[(10 + i * 2)..]);
        var n = contourCount == 0 ? 0 : ends[^1] + 1;
        var pos = 10 + contourCount * 2;
        pos += 2 + BinaryPrimitives.ReadUInt16BigEndian(g[pos..]);
        var flags = new byte[n];
        for (var i = 0; i < n; )
        {
            var f = g[pos++];
            flags[i++] = f;
            if ((f & 8) != 0)
            {
                var repeat = g[pos++];
                for (var r = 0; r < repeat && i < n; r++) flags[i++] = f;
            }
        }
        var xs = new int[n];
        var ys = new int[n];
        var v = 0;
        for (var i = 0; i < n; i++)
        {
            var f = flags[i];
            if ((f & 2) != 0) { var d = g[pos++]; v += (f & 16) != 0 ? d : -d; }
            else if ((f & 16) == 0) { v += BinaryPrimitives.ReadInt16BigEndian(g[pos..]); pos += 2; }
            xs[i] = v;
        }
        v = 0;
        for (var i = 0; i < n; i++)
        {
            var f = flags[i];
            if ((f & 4) != 0) { var d = g[pos++]; v += (f & 32) != 0 ? d : -d; }
            else if ((f & 32) == 0) { v += BinaryPrimitives.ReadInt16BigEndian(g[pos..]); pos += 2; }
            ys[i] = v;
        }
        var result = new List<List<Point>>(contourCount);
        var from = 0;
        foreach (var e in ends)
        {
            var c = new List<Point>(e - from + 1);
            for (var i = from; i <= e; i++) c.Add(new Point(xs[i], ys[i], (flags[i] & 1) != 0));
            result.Add(c);
            from = e + 1;
        }
        return result;
    }

    // OpenType glyf §composite glyphs: components with x/y offsets and an optional scale.
    private List<List<Point>> Composite(ReadOnlySpan<byte> g, int depth)
    {
        var result = new List<List<Point>>();
        var pos = 10;
        ushort flags;
        do
        {
            flags = BinaryPrimitives.ReadUInt16BigEndian(g[pos..]);
            var index = BinaryPrimitives.ReadUInt16BigEndian(g[(pos + 2)..]);
            pos += 4;
            double dx, dy;
            if ((flags & 1) != 0) { dx = BinaryPrimitives.ReadInt16BigEndian(g[pos..]); dy = BinaryPrimitives.ReadInt16BigEndian(g[(pos + 2)..]); pos += 4; }
            else { dx = (sbyte)g[pos]; dy = (sbyte)g[pos + 1]; pos += 2; }
            double a = 1, b = 0, c = 0, d = 1;
            if ((flags & 8) != 0) { a = d = F2Dot14(g[pos..]); pos += 2; }
            else if ((flags & 0x40) != 0) { a = F2Dot14(g[pos..]); d = F2Dot14(g[(pos + 2)..]); pos += 4; }
            else if ((flags & 0x80) != 0)
            {
                a = F2Dot14(g[pos..]); b = F2Dot14(g[(pos + 2)..]); c = F2Dot14(g[(pos + 4)..]); d = F2Dot14(g[(pos + 6)..]); pos += 8;
            }
            foreach (var contour in Contours(index, depth + 1))
            {
                result.Add([.. contour.Select(p => new Point(a * p.X + c * p.Y + dx, b * p.X + d * p.Y + dy, p.On))]);
            }
        }
        while ((flags & 0x20) != 0);
        return result;
    }

    private static double F2Dot14(ReadOnlySpan<byte> s) => BinaryPrimitives.ReadInt16BigEndian(s) / 16384.0;
}
