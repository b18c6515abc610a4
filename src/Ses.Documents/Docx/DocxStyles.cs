using DocumentFormat.OpenXml.Wordprocessing;
using Ses.Documents.Fonts;
using static Ses.Documents.Docx.DocxUnits;
using Gb = Ses.Documents.Layout.Styles;

namespace Ses.Documents.Docx;

/// <summary>
/// The styles part: document defaults and the named Ses* styles with the sizes and spacing of <see cref="Gb"/>, the
/// Chinese text on the document's line pitch (the grid's, or the tighter one of GB/T 9704-2012 §7.3.5 the PDF chose).
/// Fonts are named by family so Word shows the fonts the PDF embeds (or substitutes a Chinese font when they are not
/// installed); East Asian text is zh-CN.
/// </summary>
internal static class DocxStyles
{
    public static Styles Build(FontSet fonts, int pitch)
    {
        var body = fonts.Family(FontRole.Body);
        var title = fonts.Family(FontRole.Title);
        var latin = fonts.Family(FontRole.Latin);
        return new Styles(
            new DocDefaults(
                new RunPropertiesDefault(new RunPropertiesBaseStyle(
                    FontsOf(body), new FontSize { Val = HalfPoints(Gb.BodySize) },
                    new FontSizeComplexScript { Val = HalfPoints(Gb.BodySize) }, ChineseText())),
                new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(
                    new SpacingBetweenLines { Before = "0", After = "0" }))),
            // Body-size styles are condensed to the 28-character line (DocxUnits.BodyCondense); others set no spacing.
            Paragraph(DocxStyleIds.Normal, "Normal", null, body, Gb.BodySize, p =>
            {
                ChineseLineBreaking(p);
                p.SpacingBetweenLines = Exact(pitch);
                p.Justification = new Justification { Val = JustificationValues.Both };
            }, isDefault: true),
            Paragraph(DocxStyleIds.Body, "SES 正文", DocxStyleIds.Normal, body, Gb.BodySize, p =>
            {
                ChineseLineBreaking(p);
                p.SpacingBetweenLines = Exact(pitch);
                p.Indentation = new Indentation { FirstLineChars = 200, FirstLine = Invariant(2 * BodyCell) };
                p.Justification = new Justification { Val = JustificationValues.Both };
            }),
            Paragraph(DocxStyleIds.Heading, "SES 一级标题", DocxStyleIds.Body, fonts.Family(FontRole.Heading), Gb.BodySize, p => p.KeepNext = new KeepNext()),
            Paragraph(DocxStyleIds.Subheading, "SES 二级标题", DocxStyleIds.Body, fonts.Family(FontRole.Subheading), Gb.BodySize, p => p.KeepNext = new KeepNext()),
            Paragraph(DocxStyleIds.Title, "SES 标题", DocxStyleIds.Normal, title, Gb.TitleSize, p =>
            {
                p.KeepNext = new KeepNext();
                p.SpacingBetweenLines = Exact(Twips(Gb.TitlePitch), after: pitch / 2);
                p.Justification = new Justification { Val = JustificationValues.Center };
            }),
            Paragraph(DocxStyleIds.Number, "SES 发文字号", DocxStyleIds.Normal, body, Gb.BodySize, p =>
            {
                p.KeepNext = new KeepNext();
                p.SpacingBetweenLines = Exact(pitch, after: pitch);
                p.Justification = new Justification { Val = JustificationValues.Center };
            }),
            Paragraph(DocxStyleIds.Addressee, "SES 主送机关", DocxStyleIds.Normal, body, Gb.BodySize, p =>
            {
                p.KeepNext = new KeepNext();
                p.Justification = new Justification { Val = JustificationValues.Left };
            }),
            Paragraph(DocxStyleIds.Line, "SES 左齐行", DocxStyleIds.Normal, body, Gb.BodySize, p =>
                p.Justification = new Justification { Val = JustificationValues.Left }),
            Paragraph(DocxStyleIds.Right, "SES 右齐行", DocxStyleIds.Normal, body, Gb.BodySize, p =>
                p.Justification = new Justification { Val = JustificationValues.Right }),
            Paragraph(DocxStyleIds.Signature, "SES 落款", DocxStyleIds.Normal, body, Gb.BodySize, p =>
            {
                p.KeepNext = new KeepNext();
                p.KeepLines = new KeepLines();
                p.Justification = new Justification { Val = JustificationValues.Right };
            }),
            Paragraph(DocxStyleIds.English, "SES English", DocxStyleIds.Normal, latin, Gb.EnglishSize, p =>
            {
                p.SnapToGrid = new SnapToGrid { Val = false };
                p.SpacingBetweenLines = Exact(Twips(Gb.EnglishPitch));
                p.Indentation = new Indentation { FirstLine = Dxa(Gb.EnglishSize * 2) };
                p.Justification = new Justification { Val = JustificationValues.Left };
            }, english: true),
            Paragraph(DocxStyleIds.EnglishLine, "SES English line", DocxStyleIds.English, latin, Gb.EnglishSize, p =>
                p.Indentation = new Indentation { FirstLine = "0" }, english: true),
            Paragraph(DocxStyleIds.Table, "SES 表格文字", DocxStyleIds.Normal, body, Gb.TableSize, p =>
            {
                p.SnapToGrid = new SnapToGrid { Val = false };
                p.SpacingBetweenLines = Exact(Twips(Gb.TablePitch));
                p.Justification = new Justification { Val = JustificationValues.Left };
            }),
            Paragraph(DocxStyleIds.PageNumber, "SES 页码", DocxStyleIds.Normal, body, Gb.PageNumberSize, p =>
            {
                p.SnapToGrid = new SnapToGrid { Val = false };
                p.SpacingBetweenLines = new SpacingBetweenLines { Line = "240", LineRule = LineSpacingRuleValues.Auto };
                p.Justification = new Justification { Val = JustificationValues.Center };
            }),
            TableNormal(),
            TableGrid());
    }

    /// <summary>
    /// Kinsoku (no closing punctuation at a line start, no opening one at an end) and punctuation allowed to overflow
    /// the right edge, as Word sets Chinese text; no automatic space between Chinese and Latin text or digits, which
    /// would push characters off the grid (the PDF adds none either).
    /// </summary>
    private static void ChineseLineBreaking(StyleParagraphProperties p)
    {
        p.Kinsoku = new Kinsoku { Val = true };
        p.OverflowPunctuation = new OverflowPunctuation { Val = true };
        p.AutoSpaceDE = new AutoSpaceDE { Val = false };
        p.AutoSpaceDN = new AutoSpaceDN { Val = false };
    }

    /// <summary>Exact line spacing: lines sit on the pitch of the PDF whatever the font's own line gap.</summary>
    private static SpacingBetweenLines Exact(int line, int after = 0) => new()
    {
        Before = "0",
        After = Invariant(after),
        Line = Invariant(line),
        LineRule = LineSpacingRuleValues.Exact,
    };

    public static RunFonts FontsOf(string family) => new()
    {
        Ascii = family,
        HighAnsi = family,
        EastAsia = family,
        ComplexScript = family,
    };

    private static Languages ChineseText() => new() { Val = "en-US", EastAsia = "zh-CN" };

    private static Style Paragraph(string id, string name, string? basedOn, string family, double size,
        Action<StyleParagraphProperties> paragraph, bool isDefault = false, bool english = false)
    {
        var style = new Style { Type = StyleValues.Paragraph, StyleId = id };
        if (isDefault) style.Default = true;
        else style.CustomStyle = true;
        style.Append(new StyleName { Val = name });
        if (basedOn is not null) style.Append(new BasedOn { Val = basedOn });
        style.Append(new NextParagraphStyle { Val = id is DocxStyleIds.Title or DocxStyleIds.Number or DocxStyleIds.Addressee ? DocxStyleIds.Body : id });
        style.Append(new PrimaryStyle());
        var p = new StyleParagraphProperties();
        paragraph(p);
        style.Append(p);
        style.Append(new StyleRunProperties(
            FontsOf(family),
            new Spacing { Val = !english && size == Gb.BodySize ? BodyCondense : 0 },
            new FontSize { Val = HalfPoints(size) },
            new FontSizeComplexScript { Val = HalfPoints(size) },
            english ? new Languages { Val = "en-US" } : ChineseText()));
        return style;
    }

    private static Style TableNormal() => new(
        new StyleName { Val = "Normal Table" },
        new UIPriority { Val = 99 },
        new SemiHidden(),
        new UnhideWhenUsed(),
        new StyleTableProperties(
            new TableIndentation { Width = 0, Type = TableWidthUnitValues.Dxa },
            new TableCellMarginDefault(
                new TopMargin { Width = "0", Type = TableWidthUnitValues.Dxa },
                new TableCellLeftMargin { Width = 108, Type = TableWidthValues.Dxa },
                new BottomMargin { Width = "0", Type = TableWidthUnitValues.Dxa },
                new TableCellRightMargin { Width = 108, Type = TableWidthValues.Dxa })))
    {
        Type = StyleValues.Table,
        StyleId = DocxStyleIds.TableNormal,
        Default = true,
    };

    /// <summary>Single 0.75 pt rules and the PDF's cell padding (<see cref="DocxTables.CellMargins"/>).</summary>
    private static Style TableGrid() => new(
        new StyleName { Val = "SES 表格" },
        new BasedOn { Val = DocxStyleIds.TableNormal },
        new UIPriority { Val = 59 },
        new StyleParagraphProperties(new SnapToGrid { Val = false }),
        new StyleTableProperties(
            DocxTables.Borders(),
            DocxTables.CellMargins()))
    {
        Type = StyleValues.Table,
        StyleId = DocxStyleIds.TableGrid,
        CustomStyle = true,
    };
}
