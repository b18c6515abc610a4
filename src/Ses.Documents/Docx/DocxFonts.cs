using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Ses.Documents.Fonts;

namespace Ses.Documents.Docx;

/// <summary>
/// The fonts embedded in the DOCX (ECMA-376 Part 1 §17.8.1, Word's "Embed fonts in the file"): for each family of the
/// font table, the font file the PDF uses, cut to the characters the document sets (<see cref="TrueTypeInstallableSubset"/>),
/// as an obfuscated font part referenced by w:embedRegular, so Word and LibreOffice show the same faces on a machine
/// that does not have them installed.
/// </summary>
internal static class DocxFonts
{
    /// <summary>Adds one (placeholder) obfuscated font part per family and points the font table's entry at it.</summary>
    public static List<(FontFace Face, string Key, FontPart Part)> AddParts(FontTablePart fontTable, FontSet fonts)
    {
        var parts = new List<(FontFace, string, FontPart)>();
        foreach (var font in fontTable.Fonts!.Elements<Font>())
        {
            var face = fonts.Faces.First(f => f.FamilyName == font.Name);
            var part = fontTable.AddFontPart(FontPartType.FontOdttf);
            using (var placeholder = new MemoryStream(new byte[32])) part.FeedData(placeholder);
            var key = Key(face.FamilyName);
            font.Append(new EmbedRegularFont { Id = fontTable.GetIdOfPart(part), FontKey = key });
            parts.Add((face, key, part));
        }
        return parts;
    }

    /// <summary>The obfuscated font part: the subset with its first 32 bytes XORed with the key (§17.8.1).</summary>
    public static byte[] Embedded(FontFace face, string key, IEnumerable<int> characters)
    {
        var font = TrueTypeInstallableSubset.Build(face, characters);
        Obfuscate(font, key);
        return font;
    }

    /// <summary>
    /// XORs the first 32 bytes with the key's 16 bytes, taken from the GUID's hex digits in reverse order (ECMA-376
    /// Part 1 §17.8.1); applying it twice gives the font back.
    /// </summary>
    public static void Obfuscate(byte[] font, string key)
    {
        var hex = key.Replace("{", "", StringComparison.Ordinal).Replace("}", "", StringComparison.Ordinal)
            .Replace("-", "", StringComparison.Ordinal);
        var bytes = Convert.FromHexString(hex);
        Array.Reverse(bytes);
        for (var i = 0; i < 32 && i < font.Length; i++) font[i] ^= bytes[i % 16];
    }

    /// <summary>A fixed key per family, so the same document gives the same bytes.</summary>
    private static string Key(string family)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(family));
        return new Guid(hash.AsSpan(0, 16)).ToString("B", CultureInfo.InvariantCulture).ToUpperInvariant();
    }
}
