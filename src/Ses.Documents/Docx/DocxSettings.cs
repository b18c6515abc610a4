using DocumentFormat.OpenXml.Wordprocessing;
using Ses.Documents.Fonts;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace Ses.Documents.Docx;

/// <summary>The settings part (Word 2013+ layout, no punctuation compression) and the font table.</summary>
internal static class DocxSettings
{
    public static Settings Build() => new(
        new Zoom { Percent = "100" },
        // The fonts travel with the document (DocxFonts), cut to the characters it sets.
        new EmbedTrueTypeFonts(),
        new SaveSubsetFonts(),
        new DefaultTabStop { Val = 420 },
        // GB/T 9704-2012 §7.5: odd page numbers right, even left — two footers.
        new EvenAndOddHeaders(),
        // Full-width punctuation keeps its full cell, so every character stays on the 28-character grid as in the PDF.
        new CharacterSpacingControl { Val = CharacterSpacingValues.DoNotCompress },
        new Compatibility(new CompatibilitySetting
        {
            Name = CompatSettingNameValues.CompatibilityMode,
            Uri = "http://schemas.microsoft.com/office/word",
            Val = "15",
        }),
        new ThemeFontLanguages { Val = "en-US", EastAsia = "zh-CN" },
        new DecimalSymbol { Val = "." },
        new ListSeparator { Val = "," });

    /// <summary>
    /// The families of every role, a Chinese one declared with the GB2312 character set: where a family is not
    /// installed, Word then substitutes a Chinese font rather than a Latin one (and a Latin one for the Latin font).
    /// </summary>
    public static W.Fonts FontTable(FontSet fonts) => new(
        fonts.Faces
            .DistinctBy(f => f.FamilyName, StringComparer.Ordinal)
            .Select(f => new Font(
                new FontCharSet { Val = f.Metrics.Covers('中') ? "86" : "00" },
                new FontFamily { Val = FontFamilyValues.Auto },
                new Pitch { Val = FontPitchValues.Variable })
            { Name = f.FamilyName }));
}
