using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Ses.Documents.Signing;
using Ses.Documents.Signing.Pdf;
using Ses.Documents.Tests.Signing.Crypto;
using Ses.Documents.Tests.Support;

namespace Ses.Documents.Tests.Signing;

/// <summary>
/// The visible seal as a reader sees it, read back from the signed PDF with qpdf and rendered with poppler: red ink over
/// print (a multiply blend, so the text under it stays black) and the signing time clear of the ring.
/// </summary>
public sealed partial class SealAppearanceTests(DevelopmentPki pki) : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("ses-seal-appearance-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private sealed record Signed(string File, RenderedDocument Rendered, JsonElement Widget, JsonElement Objects);

    private Signed SignNotice()
    {
        using var sample = TestEngine.Sample("notice-org");
        var rendered = TestEngine.Engine.Render("notice-org", sample.RootElement, OutputFormat.Pdf);
        var key = pki.Set.SigningFor(rendered.Document.Bureau, null, pki.Time);
        var pdf = TestEngine.Engine.Sign(rendered, new SignatureSettings(key, pki.Tsa()), pki.Time.GetUtcNow());
        var file = Path.Combine(_dir, "notice.pdf");
        File.WriteAllBytes(file, pdf);
        var (exit, json) = ExternalTool.Run(ExternalTool.Require("qpdf", "qpdf"), "--json", "--json-key=qpdf", file);
        Assert.True(exit == 0, json);
        var objects = JsonDocument.Parse(json).RootElement.GetProperty("qpdf")[1];
        var widget = objects.EnumerateObject().Select(o => o.Value)
            .Single(o => o.TryGetProperty("value", out var v) && v.ValueKind == JsonValueKind.Object
                         && v.TryGetProperty("/FT", out var ft) && ft.GetString() == "/Sig").GetProperty("value");
        return new(file, rendered, widget, objects);
    }

    private static JsonElement ObjectOf(Signed s, string reference) => s.Objects.GetProperty("obj:" + reference);

    private static string StreamData(Signed s, string reference)
    {
        var (exit, data) = ExternalTool.Run(ExternalTool.Require("qpdf", "qpdf"), $"--show-object={reference.Split(' ')[0]}",
            "--filtered-stream-data", s.File);
        Assert.True(exit == 0, data);
        return data;
    }

    /// <summary>
    /// The name along the arc never has one character drawn over the next: from a short name (at the largest size) to the
    /// longest unit's full legal name (17 characters) and beyond, the centres are at least 1.05 characters apart along the
    /// baseline, the arc stays within 243°, and a bureau's full name (13 characters) is still set at a tenth of the seal.
    /// </summary>
    [Theory]
    [InlineData(2)]
    [InlineData(6)]
    [InlineData(13)]
    [InlineData(17)]
    [InlineData(24)]
    public void SealName_CharactersAlongTheArc_DoNotOverlap(int count)
    {
        const double d = 119;
        var (size, radius, span) = SealAppearance.ArcSizing(count, d / 2, d);
        var step = span / (count - 1);
        Assert.True(step * radius >= 1.05 * size - 1e-9, $"{count} characters of {size:F2} pt, {step * radius:F2} pt apart");
        Assert.InRange(span, 0, SealAppearance.MaxArc + 1e-9);
        Assert.InRange(size, 0, 0.16 * d + 1e-9);
        Assert.True(radius + size * 0.85 <= d / 2 - 0.07 * d + 1e-9, "the characters' tops clear the ring");
        if (count <= 6) Assert.Equal(0.16 * d, size, 6);
        if (count <= 13) Assert.True(size >= 0.1 * d, $"{size / d:F3} of the seal");
    }

    [Fact]
    public void SealAppearance_PaintsUnderAMultiplyBlend()
    {
        var s = SignNotice();
        var ap = s.Widget.GetProperty("/AP").GetProperty("/N").GetString()!;
        var resources = ObjectOf(s, ap).GetProperty("stream").GetProperty("dict").GetProperty("/Resources");
        var states = resources.GetProperty("/ExtGState").EnumerateObject()
            .Where(g => (g.Value.ValueKind == JsonValueKind.String ? ObjectOf(s, g.Value.GetString()!).GetProperty("value") : g.Value)
                .TryGetProperty("/BM", out var bm) && bm.GetString() == "/Multiply")
            .Select(g => g.Name).ToList();
        Assert.NotEmpty(states);

        // The multiply state is set before anything is painted: before the seal form and before the time.
        var content = StreamData(s, ap);
        var gs = Regex.Match(content, @"(/[^\s/]+)\s+gs\b");
        Assert.True(gs.Success, content);
        Assert.Contains(gs.Groups[1].Value, states);
        var seal = resources.GetProperty("/XObject").EnumerateObject().Single().Name;
        var paint = Regex.Match(content, $@"{Regex.Escape(seal)}\s+Do|\b(f|S|Tj|re)\b");
        Assert.True(paint.Success && paint.Index > gs.Index, content);
        Assert.Single(Regex.Matches(content, @"\bgs\b"));
    }

    [Fact]
    public void SealOverText_RenderedByPoppler_LeavesTheTextUnderItBlack()
    {
        var s = SignNotice();
        var rect = s.Widget.GetProperty("/Rect").EnumerateArray().Select(v => v.GetDouble()).ToArray();
        var page = s.Rendered.Seal!.Page + 1;
        const double dpi = 150;
        var scale = dpi / 72;
        var size = (int)Math.Round((rect[2] - rect[0]) * scale);
        var left = (int)Math.Round(rect[0] * scale);
        var top = (int)Math.Round((841.89 - rect[3]) * scale);
        var withSeal = Render(s.File, page, dpi, left, top, size, hide: false);
        var textOnly = Render(s.File, page, dpi, left, top, size, hide: true);

        int text = 0, keptBlack = 0, sealOnPaper = 0, sealOnTextEdge = 0, disc = 0;
        var radius = size / 2.0 - 1;
        for (var y = 0; y < size; y++)
        {
            for (var x = 0; x < size; x++)
            {
                if (Math.Pow(x + 0.5 - size / 2.0, 2) + Math.Pow(y + 0.5 - size / 2.0, 2) > radius * radius) continue;
                disc++;
                var under = textOnly.Grey(x, y);
                var (r, g, b) = withSeal.At(x, y);
                if (under < 80)
                {
                    text++;
                    if (Math.Max(r, Math.Max(g, b)) < 110) keptBlack++;
                }
                else if (under > 240 && r > 180 && g < 80)
                {
                    sealOnPaper++;
                }
                else if (under < 200 && r - g > 30)
                {
                    sealOnTextEdge++;
                }
            }
        }
        // The seal is there, the name and the date are under it, and its ink crosses their strokes…
        Assert.True(sealOnPaper > disc / 20, $"red seal pixels {sealOnPaper} of {disc}");
        Assert.True(text > 1000, $"text pixels under the seal: {text}");
        Assert.True(sealOnTextEdge > 20, $"seal ink on the edges of the text: {sealOnTextEdge}");
        // …yet every stroke of the text stays black (over-painted, the strokes under the red would turn red).
        Assert.True(keptBlack >= text * 0.995, $"{text - keptBlack} of {text} text pixels under the seal are no longer black");
    }

    [Fact]
    public void SigningTime_IsPrintedInsideTheRing_ClearOfTheRingTheStarAndTheName()
    {
        var s = SignNotice();
        var ap = s.Widget.GetProperty("/AP").GetProperty("/N").GetString()!;
        var d = ObjectOf(s, ap).GetProperty("stream").GetProperty("dict").GetProperty("/BBox")[2].GetDouble();
        var sealRef = ObjectOf(s, ap).GetProperty("stream").GetProperty("dict").GetProperty("/Resources").GetProperty("/XObject")
            .EnumerateObject().Single().Value.GetString()!;

        // The ring: the first path of the seal form, a circle about the centre stroked with the first line width.
        var seal = StreamData(s, sealRef).Split('\n');
        var width = double.Parse(Assert.Single(seal, l => l.EndsWith(" w", StringComparison.Ordinal)).Split(' ')[^2], CultureInfo.InvariantCulture);
        var circleStart = Array.FindIndex(seal, l => l.EndsWith(" m", StringComparison.Ordinal));
        var ringRadius = Point(seal[circleStart]).X - d / 2;
        var ringEnd = Array.FindIndex(seal, circleStart, l => l == "S");
        Assert.Equal(d / 2, ringRadius + width / 2, 0.05);
        var inner = ringRadius - width / 2;
        // Everything else the seal form draws: the star and the name along the arc.
        var figures = seal.Skip(ringEnd + 1).SelectMany(Points).ToList();
        Assert.True(figures.Count > 100);

        // The time: the digits in Helvetica (boxed by the font's metrics), the rest as glyph outlines.
        var appearance = StreamData(s, ap);
        var text = HelveticaLine().Match(appearance);
        Assert.True(text.Success, appearance);
        var expected = pki.Time.GetUtcNow().ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
        Assert.Equal(expected, text.Groups["text"].Value);
        var size = Num(text.Groups["size"].Value);
        var (tx, ty) = (Num(text.Groups["x"].Value), Num(text.Groups["y"].Value));
        var digits = new Box(tx, ty - 0.02 * size, tx + text.Groups["text"].Value.Sum(HelveticaWidth) * size, ty + 0.73 * size);
        var outlines = appearance.Split('\n').SkipWhile(l => !l.Contains("/Seal Do", StringComparison.Ordinal)).SelectMany(Points).ToList();
        Assert.True(outlines.Count > 20, "北京时间 is drawn as outlines");
        var zone = new Box(outlines.Min(p => p.X), outlines.Min(p => p.Y), outlines.Max(p => p.X), outlines.Max(p => p.Y));

        foreach (var box in new[] { digits, zone })
        {
            foreach (var (x, y) in box.Corners())
            {
                var distance = Math.Sqrt(Math.Pow(x - d / 2, 2) + Math.Pow(y - d / 2, 2));
                Assert.True(distance < inner, $"the time's box {box} reaches {distance:0.0} pt from the centre; the ring starts at {inner:0.0}");
            }
            var hit = figures.FirstOrDefault(p => box.Contains(p, 0.5));
            Assert.True(hit == default, $"the time's box {box} covers the seal's figure at {hit}");
        }
        Assert.True(zone.Top < digits.Bottom, "the two lines of the time do not overlap");
    }

    private sealed record Box(double Left, double Bottom, double Right, double Top)
    {
        public IEnumerable<(double X, double Y)> Corners() => [(Left, Bottom), (Left, Top), (Right, Bottom), (Right, Top)];

        public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"[{Left:0.0} {Bottom:0.0} {Right:0.0} {Top:0.0}]");

        public bool Contains((double X, double Y) p, double margin) =>
            p.X > Left - margin && p.X < Right + margin && p.Y > Bottom - margin && p.Y < Top + margin;
    }

    // Helvetica advance widths (Adobe's AFM, per em) of the characters a time is written with.
    private static double HelveticaWidth(char c) => c switch
    {
        >= '0' and <= '9' => 0.556,
        '-' => 0.333,
        ':' or ' ' => 0.278,
        _ => throw new ArgumentOutOfRangeException(nameof(c), c, "not a character of a time"),
    };

    private static double Num(string s) => double.Parse(s, CultureInfo.InvariantCulture);

    private static (double X, double Y) Point(string line)
    {
        var parts = line.Split(' ');
        return (Num(parts[^3]), Num(parts[^2]));
    }

    /// <summary>The points of a path operator line: <c>x y m</c>, <c>x y l</c>, <c>x1 y1 x2 y2 x3 y3 c</c>.</summary>
    private static IEnumerable<(double X, double Y)> Points(string line)
    {
        var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length < 3 || parts[^1] is not ("m" or "l" or "c")) yield break;
        for (var i = 0; i + 1 < parts.Length - 1; i += 2) yield return (Num(parts[i]), Num(parts[i + 1]));
    }

    private sealed record Raster(int Width, byte[] Pixels, int Offset)
    {
        public (int R, int G, int B) At(int x, int y)
        {
            var i = Offset + (y * Width + x) * 3;
            return (Pixels[i], Pixels[i + 1], Pixels[i + 2]);
        }

        public double Grey(int x, int y)
        {
            var (r, g, b) = At(x, y);
            return (r + g + b) / 3.0;
        }
    }

    /// <summary>A square of the page rendered by pdftoppm as a binary PPM (P6).</summary>
    private Raster Render(string pdf, int page, double dpi, int left, int top, int size, bool hide)
    {
        var root = Path.Combine(_dir, hide ? "text-only" : "with-seal");
        string[] args = ["-r", dpi.ToString(CultureInfo.InvariantCulture), "-f", $"{page}", "-l", $"{page}", "-x", $"{left}", "-y", $"{top}",
            "-W", $"{size}", "-H", $"{size}", "-singlefile"];
        string[] annotations = hide ? ["-hide-annotations"] : [];
        var (exit, output) = ExternalTool.Run(ExternalTool.Require("pdftoppm", "poppler-utils"), [.. args, .. annotations, pdf, root]);
        Assert.True(exit == 0, output);
        var bytes = File.ReadAllBytes(root + ".ppm");
        var header = PpmHeader().Match(Encoding.ASCII.GetString(bytes, 0, 32));
        Assert.True(header.Success);
        Assert.Equal(size, int.Parse(header.Groups[1].Value, CultureInfo.InvariantCulture));
        return new Raster(size, bytes, header.Length);
    }

    [GeneratedRegex(@"^P6\s+(\d+)\s+(\d+)\s+255\s")]
    private static partial Regex PpmHeader();

    [GeneratedRegex(@"BT /Helv (?<size>[\d.]+) Tf (?<x>[-\d.]+) (?<y>[-\d.]+) Td \((?<text>[^)]*)\) Tj ET")]
    private static partial Regex HelveticaLine();
}
