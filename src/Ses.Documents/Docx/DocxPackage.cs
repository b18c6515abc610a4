using System.Collections.Concurrent;
using System.IO.Compression;
using System.Runtime.CompilerServices;
using System.Text;
using System.Xml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Ses.Documents.Fonts;
using Ses.Documents.Rendering;

namespace Ses.Documents.Docx;

/// <summary>
/// The parts every document of a font set shares — styles, settings, font table, footer, extended properties and the
/// package's relationships — made once with the Open XML SDK and kept as bytes. A document is then one zip written
/// straight from them plus its own body and core properties, instead of a package built and saved part by part.
/// </summary>
internal sealed class DocxPackage
{
    private const string CoreNamespace = "http://schemas.openxmlformats.org/package/2006/metadata/core-properties";
    private const string DublinCore = "http://purl.org/dc/elements/1.1/";
    private const string CorePropertiesType = "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties";

    // Per font set, by draft mark (or none) and line pitch: the grid's, or one of the few tighter pitches of §7.3.5.
    private static readonly ConditionalWeakTable<FontSet, ConcurrentDictionary<(string Watermark, int Pitch), DocxPackage>> Packages = [];

    private readonly List<(string Name, byte[]? Content)> _entries = [];
    private string _documentEntry = "";
    private string _coreEntry = "";
    private readonly Dictionary<string, (FontFace Face, string Key)> _fontEntries = new(StringComparer.Ordinal);
    private readonly FontChain[] _chains;

    // The size of the largest DOCX written from this package so far: the next one's buffer starts there instead of
    // doubling from 16 KB (a 140 KB notice went through five buffers, two of them on the large-object heap).
    private int _sizeHint = 16 * 1024;

    // The chains of every role, by which the characters are cut to the faces that draw them.
    private DocxPackage(FontSet fonts) => _chains = [.. Enum.GetValues<FontRole>().Select(fonts.Chain).Distinct()];

    /// <summary>The relationship id of the footer, for the section properties.</summary>
    public string FooterId { get; private set; } = "";

    /// <summary>The footer of even pages (the page number on the left).</summary>
    public string EvenFooterId { get; private set; } = "";

    /// <summary>The relationship id of the header carrying a draft's mark, or null.</summary>
    public string? HeaderId { get; private set; }

    /// <summary>
    /// The package whose header marks every page with <paramref name="watermark"/> (a draft), or the plain one, with its
    /// body styles on <paramref name="pitch"/> (twips).
    /// </summary>
    public static DocxPackage For(FontSet fonts, string? watermark, int pitch) =>
        Packages.GetValue(fonts, _ => new())
            .GetOrAdd((watermark ?? "", pitch), key => Build(fonts, key.Watermark.Length > 0 ? key.Watermark : null, key.Pitch));

    /// <summary>The DOCX with <paramref name="body"/> as its document body and the properties of <paramref name="doc"/>.</summary>
    public byte[] Write(Body body, ResolvedDocument doc)
    {
        var document = new Document(body);
        document.AddNamespaceDeclaration("w", "http://schemas.openxmlformats.org/wordprocessingml/2006/main");
        document.AddNamespaceDeclaration("r", "http://schemas.openxmlformats.org/officeDocument/2006/relationships");
        Dictionary<FontFace, HashSet<int>>? characters = null;
        using var stream = new MemoryStream(Volatile.Read(ref _sizeHint));
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in _entries)
            {
                using var entry = zip.CreateEntry(name, CompressionLevel.Fastest).Open();
                if (name == _documentEntry) WriteXml(entry, document.WriteTo);
                else if (name == _coreEntry) WriteXml(entry, w => CoreProperties(w, doc));
                else if (_fontEntries.TryGetValue(name, out var font)) entry.Write(Embedded(font.Face, font.Key));
                else entry.Write(content);
            }
        }
        if (stream.Length > Volatile.Read(ref _sizeHint)) Volatile.Write(ref _sizeHint, (int)Math.Min(stream.Length + stream.Length / 8, 8 << 20));
        return stream.ToArray();

        byte[] Embedded(FontFace face, string key) =>
            DocxFonts.Embedded(face, key, (characters ??= CharactersByFace(body, doc)).GetValueOrDefault(face) ?? []);
    }

    /// <summary>
    /// The characters a document sets — its body, the page number footer and a draft's mark — by the face that sets
    /// them in any chain (<see cref="FontChain.FaceOf"/>, as <see cref="DocxRuns"/> splits runs). A fallback
    /// face gets only what the faces before it lack, not the whole text (a notice's 楷体 fallback was 56 KB of a
    /// 136 KB file, and a fifth of its time).
    /// </summary>
    private Dictionary<FontFace, HashSet<int>> CharactersByFace(Body body, ResolvedDocument doc)
    {
        var byFace = new Dictionary<FontFace, HashSet<int>>();
        var seen = new HashSet<int>();
        foreach (var rune in (body.InnerText + DocxFooter.Characters + doc.Watermark).EnumerateRunes())
        {
            if (!seen.Add(rune.Value)) continue;
            foreach (var chain in _chains)
            {
                var face = chain.FaceOf(rune.Value);
                if (!byFace.TryGetValue(face, out var set)) byFace[face] = set = [];
                set.Add(rune.Value);
            }
        }
        return byFace;
    }

    private static void WriteXml(Stream entry, Action<XmlWriter> write)
    {
        using var writer = XmlWriter.Create(entry, new XmlWriterSettings { Encoding = new UTF8Encoding(false) });
        writer.WriteStartDocument(standalone: true);
        write(writer);
    }

    /// <summary>Core properties (ECMA-376 Part 2 §11), as the PDF's document information: title, number, issuing body, form id.</summary>
    private static void CoreProperties(XmlWriter w, ResolvedDocument doc)
    {
        w.WriteStartElement("cp", "coreProperties", CoreNamespace);
        w.WriteAttributeString("xmlns", "dc", null, DublinCore);
        w.WriteElementString("dc", "title", DublinCore, doc.Title);
        if (doc.Number is not null) w.WriteElementString("dc", "subject", DublinCore, doc.Number);
        w.WriteElementString("dc", "creator", DublinCore, doc.Bureau.Name);
        w.WriteElementString("cp", "keywords", CoreNamespace, "ses-form:" + doc.FormId);
        w.WriteElementString("dc", "language", DublinCore, "zh-CN");
        w.WriteEndElement();
    }

    private static DocxPackage Build(FontSet fonts, string? watermark, int pitch)
    {
        var package = new DocxPackage(fonts);
        using var stream = new MemoryStream();
        using (var word = WordprocessingDocument.Create(stream, DocumentFormat.OpenXml.WordprocessingDocumentType.Document))
        {
            var main = word.AddMainDocumentPart();
            main.AddNewPart<StyleDefinitionsPart>().Styles = DocxStyles.Build(fonts, pitch);
            main.AddNewPart<DocumentSettingsPart>().Settings = DocxSettings.Build();
            var fontTable = main.AddNewPart<FontTablePart>();
            fontTable.Fonts = DocxSettings.FontTable(fonts);
            foreach (var (face, key, part) in DocxFonts.AddParts(fontTable, fonts))
            {
                package._fontEntries[part.Uri.OriginalString.TrimStart('/')] = (face, key);
            }
            package.FooterId = main.GetIdOfPart(DocxFooter.Add(main, odd: true));
            package.EvenFooterId = main.GetIdOfPart(DocxFooter.Add(main, odd: false));
            if (watermark is not null) package.HeaderId = main.GetIdOfPart(DocxWatermark.Add(main, watermark, fonts.Title.Primary.FamilyName));
            main.Document = new Document(new Body());
            // Placeholders: the core properties part is written for each document.
            word.PackageProperties.Title = "";
            word.AddExtendedFilePropertiesPart().Properties = new DocumentFormat.OpenXml.ExtendedProperties.Properties(
                new DocumentFormat.OpenXml.ExtendedProperties.Application(Pdf.PdfRenderer.Producer));
            package._documentEntry = main.Uri.OriginalString.TrimStart('/');
        }
        stream.Position = 0;
        using var zip = new ZipArchive(stream, ZipArchiveMode.Read);
        foreach (var entry in zip.Entries)
        {
            using var content = new MemoryStream();
            using (var read = entry.Open()) read.CopyTo(content);
            package._entries.Add((entry.FullName, content.ToArray()));
        }
        package._coreEntry = CoreEntry(package._entries.Single(e => e.Name == "_rels/.rels").Content!);
        return package;
    }

    /// <summary>The zip entry of the core properties part, from the package relationships.</summary>
    private static string CoreEntry(byte[] relationships)
    {
        var xml = new XmlDocument();
        xml.Load(new MemoryStream(relationships));
        foreach (XmlElement r in xml.DocumentElement!.ChildNodes.OfType<XmlElement>())
        {
            if (r.GetAttribute("Type") == CorePropertiesType) return r.GetAttribute("Target").TrimStart('/');
        }
        throw new InvalidOperationException("the package has no core properties part");
    }
}
