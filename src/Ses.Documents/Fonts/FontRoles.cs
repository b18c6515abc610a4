using System.Text;
using System.Text.RegularExpressions;
using Ses.Documents.Templates;

namespace Ses.Documents.Fonts;

/// <summary>
/// Which role's font sets a block or a line: the one place the PDF layout and the DOCX writer ask, so that both set
/// a text in the same font.
/// </summary>
internal static partial class FontRoles
{
    /// <summary>The role of a block's text (a signature's lines: <see cref="ForLine"/>).</summary>
    public static FontRole For(BlockKind kind, string lang, string text) => kind switch
    {
        BlockKind.Title => FontRole.Title,
        BlockKind.Paragraph or BlockKind.Addressee or BlockKind.Line or BlockKind.Right when lang == "en" => FontRole.Latin,
        // GB/T 9704-2012 §7.3.3: 结构层次序数 「一、」 in 黑体, 「（一）」 in 楷体 — a paragraph that is only the heading.
        BlockKind.Paragraph when FirstLevel().IsMatch(text) => FontRole.Heading,
        BlockKind.Paragraph when SecondLevel().IsMatch(text) => FontRole.Subheading,
        _ => FontRole.Body,
    };

    /// <summary>
    /// A line of a signature block: English (a Latin letter and no Chinese character, as the confirmation letter's
    /// 「Declarant: (Seal)」) in the Latin font, anything else in the body font.
    /// </summary>
    public static FontRole ForLine(string line)
    {
        var latin = false;
        foreach (var r in line.EnumerateRunes())
        {
            if (!Rune.IsLetter(r)) continue;
            if (r.Value >= 0x2E80) return FontRole.Body;
            latin = true;
        }
        return latin ? FontRole.Latin : FontRole.Body;
    }

    [GeneratedRegex("^[一二三四五六七八九十]+、[^。；：]*$")]
    private static partial Regex FirstLevel();

    [GeneratedRegex("^（[一二三四五六七八九十]+）[^。；：]*$")]
    private static partial Regex SecondLevel();
}
