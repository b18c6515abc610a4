using Ses.Documents.Fonts;
using Ses.Documents.Tests.Support;

namespace Ses.Documents.Tests.Fonts;

/// <summary>
/// The fonts embedded in the DOCX (<see cref="TrueTypeInstallableSubset"/>): read back as a font, every character of the
/// document maps to a glyph with the original's outline and advance, other characters to none, and the file is a small
/// part of the original.
/// </summary>
public sealed class InstallableSubsetTests
{
    private const string Text = "民航西北地区管理局信用信息告知书 2026年12月5日（盖章）Letter of Confirmation";

    public static TheoryData<string> Fonts() =>
        new(Directory.EnumerateFiles(Path.Combine(TestEngine.TemplatesRoot, "fonts"), "*.ttf").Select(Path.GetFileName)!);

    [Theory]
    [MemberData(nameof(Fonts))]
    public void Subset_MapsTheDocumentsCharactersToTheOriginalGlyphs_AndNothingElse(string file)
    {
        var face = new FontFace(Path.Combine(TestEngine.TemplatesRoot, "fonts", file));
        var characters = Text.EnumerateRunes().Select(r => r.Value).Where(cp => face.Metrics.GlyphId(cp) > 0).ToList();
        // A character beyond the BMP when the font has one, so the format 12 table is read back too.
        var wide = Enumerable.Range(0x20000, 0xA6E0).FirstOrDefault(cp => face.Metrics.GlyphId(cp) > 0);
        if (wide > 0) characters.Add(wide);
        Assert.True(characters.Count > 10, $"{file} draws too few of the test's characters");

        var subset = TrueTypeInstallableSubset.Build(face, characters);
        var metrics = TrueTypeMetrics.Read(subset);
        var program = new FontProgram(subset, metrics);
        foreach (var cp in characters)
        {
            var original = face.Metrics.GlyphId(cp);
            var g = metrics.GlyphId(cp);
            Assert.True(g > 0, $"{file}: U+{cp:X4} not mapped in the subset");
            var outline = face.Program.Glyph(original).ToArray();
            var copy = program.Glyph(g).ToArray();
            // Each outline padded to 4 bytes; a composite glyph names its components by the subset's numbers.
            Assert.InRange(copy.Length - outline.Length, 0, 3);
            if (outline.Length < 10 || outline[0] < 0x80) Assert.Equal(outline, copy[..outline.Length]);
            Assert.Equal(face.Program.Advance(original), program.Advance(g));
        }
        foreach (var absent in "航空公司".EnumerateRunes().Select(r => r.Value).Where(cp => !characters.Contains(cp)))
        {
            Assert.Equal(0, metrics.GlyphId(absent));
        }
        Assert.Equal(face.FamilyName, metrics.FamilyName);
        Assert.True(subset.Length < face.Data.Length / 4, $"{file}: subset {subset.Length} bytes of {face.Data.Length}");
    }
}
