using System.Buffers.Binary;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;
using Ses.Documents.Docx;
using Ses.Documents.Fonts;
using Ses.Documents.Rendering;
using Ses.Documents.Templates;
using Ses.Documents.Tests.Support;

namespace Ses.Documents.Tests.Fonts;

/// <summary>
/// The embedding permissions of the fonts (OpenType OS/2 fsType): every shipped free font allows installable embedding,
/// the shipped AR PL SungtiL GB carries the notice of that change its licence requires (Arphic Public License §2 a)
/// and is still a well-formed font, and the DOCX writer embeds any font — a bureau's licensed one included — with the
/// fsType the font file has.
/// </summary>
public sealed class FontEmbeddingTests
{
    private static string FontsDir => Path.Combine(TestEngine.TemplatesRoot, "fonts");

    public static TheoryData<string> ShippedFonts() =>
        new(Directory.EnumerateFiles(FontsDir, "*.ttf").Select(Path.GetFileName).Order(StringComparer.Ordinal)!);

    [Theory]
    [MemberData(nameof(ShippedFonts))]
    public void ShippedFont_AllowsInstallableEmbedding(string file)
    {
        var font = File.ReadAllBytes(Path.Combine(FontsDir, file));
        Assert.Equal(0, FsType(font));
    }

    [Theory]
    [MemberData(nameof(ShippedFonts))]
    public void ShippedFont_ChecksumsAreRight(string file)
    {
        var font = File.ReadAllBytes(Path.Combine(FontsDir, file));
        foreach (var (tag, (offset, length)) in TrueTypeMetrics.ReadTableDirectory(font))
        {
            var table = font.AsSpan(offset, length).ToArray();
            if (tag == "head") BinaryPrimitives.WriteUInt32BigEndian(table.AsSpan(8), 0); // checkSumAdjustment
            Assert.True(Checksum(table) == StoredChecksum(font, tag), $"{file}: checksum of {tag}");
        }
        // OpenType head: the whole font sums to 0xB1B0AFBA with checkSumAdjustment in place.
        Assert.Equal(0xB1B0AFBAu, Checksum(font));
    }

    [Fact]
    public void ShippedSungti_CarriesTheModificationNotice_InItsNameTable()
    {
        var font = File.ReadAllBytes(Path.Combine(FontsDir, "gbsn00lp.ttf"));
        var tables = TrueTypeMetrics.ReadTableDirectory(font);
        const string english = "Modified by the SES Documents project on 2026-12-05: OS/2 fsType set to 0 (installable embedding); outlines unchanged.";
        const string chinese = "SES Documents 项目于 2026-12-05 修改：OS/2 fsType 设为 0（可安装嵌入）；字形轮廓未改动。";
        var descriptions = TrueTypeMetrics.Names(font, tables, 10).Select(n => n.Text).ToList();
        Assert.Contains(english, descriptions);
        Assert.Contains(chinese, descriptions);
        var copyrights = TrueTypeMetrics.Names(font, tables, 0).Select(n => n.Text).ToList();
        Assert.Contains("(c) Copyright 1994-1999, Arphic Technology Co., Ltd.\n" + english, copyrights);
        Assert.Contains("(c) Copyright 1994-1999, Arphic Technology Co., Ltd.\n" + chinese, copyrights);
        // The names the documents and the profiles know it by are the original's.
        Assert.Equal("AR PL SungtiL GB", new FontFace(Path.Combine(FontsDir, "gbsn00lp.ttf")).FamilyName);
    }

    [Fact]
    public void FontsReadme_ListsEachShippedFilesSha256()
    {
        var readme = File.ReadAllText(Path.Combine(FontsDir, "README.md"));
        foreach (var file in Directory.EnumerateFiles(FontsDir, "*.ttf"))
        {
            var sha = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(file)));
            Assert.True(readme.Contains(sha, StringComparison.Ordinal), $"templates/fonts/README.md lacks {Path.GetFileName(file)}'s SHA-256 {sha}");
        }
    }

    /// <summary>
    /// A bureau's licensed font stands in as the shipped body font with its fsType patched: restricted licence (2),
    /// preview and print (4), editable (8), editable without subsetting (0x108). The font part in the DOCX, read back,
    /// has the same fsType: the writer never loosens (or tightens) a font's permissions.
    /// </summary>
    [Theory]
    [InlineData(0x0002)]
    [InlineData(0x0004)]
    [InlineData(0x0008)]
    [InlineData(0x0108)]
    public void DocxWriter_EmbedsAFont_WithItsOwnFsType(int fsType)
    {
        var font = File.ReadAllBytes(Path.Combine(FontsDir, "gbsn00lp.ttf"));
        var (os2, _) = TrueTypeMetrics.ReadTableDirectory(font)["OS/2"];
        BinaryPrimitives.WriteUInt16BigEndian(font.AsSpan(os2 + 8), (ushort)fsType);
        var dir = Path.Combine(Path.GetTempPath(), "ses-fstype-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        try
        {
            var path = Path.Combine(dir, "licensed.ttf");
            File.WriteAllBytes(path, font);
            var face = new FontFace(path);
            Assert.Equal(fsType, FsType(face.Data));
            var chain = new FontChain([face]);
            var fonts = new FontSet(chain, chain, chain, chain, chain);
            var engine = TestEngine.Engine;
            var doc = new ResolvedDocument("synthetic", "字体嵌入许可测试", null, engine.Templates.DefaultBureau,
                [new ResolvedBlock(BlockKind.Paragraph, "民航行业信用管理办法第八条规定的严重失信行为。", "zh", null)]);
            var embedded = EmbeddedFonts(DocxRenderer.Render(doc, fonts));
            Assert.NotEmpty(embedded);
            Assert.All(embedded, e =>
            {
                Assert.Equal("AR PL SungtiL GB", e.Family);
                Assert.Equal(fsType, FsType(e.Font));
            });
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }

    /// <summary>The DOCX's embedded fonts, de-obfuscated with their keys from the font table (ECMA-376 Part 1 §17.8.1).</summary>
    private static List<(string Family, byte[] Font)> EmbeddedFonts(byte[] docx)
    {
        XNamespace w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
        XNamespace r = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
        XNamespace rel = "http://schemas.openxmlformats.org/package/2006/relationships";
        using var zip = new ZipArchive(new MemoryStream(docx), ZipArchiveMode.Read);
        var table = XDocument.Load(zip.GetEntry("word/fontTable.xml")!.Open());
        var rels = XDocument.Load(zip.GetEntry("word/_rels/fontTable.xml.rels")!.Open());
        var found = new List<(string, byte[])>();
        foreach (var font in table.Root!.Elements(w + "font"))
        {
            var embed = font.Element(w + "embedRegular");
            if (embed is null) continue;
            var target = rels.Root!.Elements(rel + "Relationship").Single(x => (string?)x.Attribute("Id") == (string?)embed.Attribute(r + "id"))
                .Attribute("Target")!.Value;
            using var part = new MemoryStream();
            zip.GetEntry(target.StartsWith('/') ? target[1..] : "word/" + target)!.Open().CopyTo(part);
            var bytes = part.ToArray();
            DocxFonts.Obfuscate(bytes, (string)embed.Attribute(w + "fontKey")!);
            found.Add(((string)font.Attribute(w + "name")!, bytes));
        }
        return found;
    }

    private static int FsType(byte[] font)
    {
        var tables = TrueTypeMetrics.ReadTableDirectory(font);
        return BinaryPrimitives.ReadUInt16BigEndian(TrueTypeMetrics.Table(font, tables, "OS/2")[8..]);
    }

    private static uint StoredChecksum(byte[] font, string tag)
    {
        var count = BinaryPrimitives.ReadUInt16BigEndian(font.AsSpan(4));
        for (var i = 0; i < count; i++)
        {
            var rec = font.AsSpan(12 + 16 * i);
            if (Encoding.ASCII.GetString(rec[..4]) == tag) return BinaryPrimitives.ReadUInt32BigEndian(rec[4..]);
        }
        throw new InvalidDataException(tag);
    }

    private static uint Checksum(byte[] data)
    {
        uint sum = 0;
        for (var i = 0; i < data.Length; i += 4)
        {
            uint word = 0;
            for (var j = 0; j < 4; j++) word = (word << 8) | (i + j < data.Length ? data[i + j] : 0u);
            sum += word;
        }
        return sum;
    }
}
