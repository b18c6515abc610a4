namespace Ses.Documents.Templates;

/// <summary>
/// The font files a bureau's profile names (<c>"fonts"</c> in templates/bureaus/*.json), relative to the templates
/// folder, each for one role; a role left out, a file that is missing or unreadable, and any character a named font
/// lacks fall back to the shipped fonts of templates.json.
/// </summary>
/// <param name="Title">The title (方正小标宋).</param>
/// <param name="Body">Body text, the number line, the signature and tables (仿宋_GB2312).</param>
/// <param name="Heading">First-level headings 「一、」 (黑体).</param>
/// <param name="Subheading">Second-level headings 「（一）」 (楷体).</param>
/// <param name="Latin">English text of bilingual forms (a serif Latin font, e.g. Times New Roman).</param>
public sealed record BureauFonts(string? Title = null, string? Body = null, string? Heading = null, string? Subheading = null, string? Latin = null);
