using System.Globalization;
using DocumentFormat.OpenXml.Wordprocessing;
using Ses.Documents.Docx;
using Ses.Documents.Rendering;
using Ses.Documents.Templates;
using static Ses.Documents.Tests.Docx.DocxTestSupport;

namespace Ses.Documents.Tests.Docx;

/// <summary>
/// Blocks no shipped form may have yet (tables, English text), rendered from resolved documents built here so every
/// case is covered whatever samples exist.
/// </summary>
public sealed class DocxStructureTests
{
    private static ResolvedCell C(string text, int span = 1, CellAlign align = CellAlign.Left, bool bold = false) =>
        new(text, span, align, bold, false);

    private static ResolvedBlock Block(BlockKind kind, string text, string lang = "zh") => new(kind, text, lang, null);

    private static ResolvedBlock TableBlock(ResolvedTable table) => new(BlockKind.Table, "", "zh", table);

    private static byte[] Render(params ResolvedBlock[] blocks) =>
        DocxRenderer.Render(new ResolvedDocument("synthetic", "测试文书", null, Engine.Templates.DefaultBureau, blocks), Engine.Fonts);

    /// <summary>A section table as the resolver builds it: header rows, then rows that name them as their repeat header.</summary>
    private static ResolvedTable PersonsTable(bool titleRowFirst)
    {
        var header = new ResolvedRow(
            [C("序号", align: CellAlign.Center, bold: true), C("姓名", align: CellAlign.Center, bold: true), C("证件号码", 2, CellAlign.Center, true)],
            true, []);
        var rows = new List<ResolvedRow>();
        if (titleRowFirst) rows.Add(new ResolvedRow([C("组织名称：西安某某航空服务有限公司", 4)], false, []));
        rows.Add(header);
        for (var i = 1; i <= 3; i++)
        {
            rows.Add(new ResolvedRow([C($"{i}", align: CellAlign.Center), C("张三"), C("护照"), C("E12345678\n第二行")], false, [header]));
        }
        rows.Add(new ResolvedRow([C("采集单位（盖章）：", 4) with { Seal = true }], false, []));
        return new ResolvedTable([1, 2, 3, 2], rows);
    }

    private static void AssertValid(DocumentFormat.OpenXml.Packaging.WordprocessingDocument doc)
    {
        var errors = ValidationErrors(doc);
        Assert.True(errors.Count == 0, "OpenXML validator errors:\n" + string.Join("\n", errors));
    }

    [Fact]
    public void Render_TableStartingWithHeaderRows_MarksThemToRepeatOnEveryPage()
    {
        using var doc = Open(Render(TableBlock(PersonsTable(titleRowFirst: false))));
        AssertValid(doc);
        var rows = Assert.Single(Body(doc).Elements<Table>()).Elements<TableRow>().ToList();
        Assert.Equal(5, rows.Count);
        Assert.NotNull(rows[0].TableRowProperties?.GetFirstChild<TableHeader>());
        Assert.All(rows.Skip(1), r => Assert.Null(r.TableRowProperties?.GetFirstChild<TableHeader>()));
    }

    [Fact]
    public void Render_HeaderRowAfterATitleRow_IsANormalRowBecauseWordCannotRepeatIt()
    {
        using var doc = Open(Render(TableBlock(PersonsTable(titleRowFirst: true))));
        AssertValid(doc);
        var rows = Assert.Single(Body(doc).Elements<Table>()).Elements<TableRow>().ToList();
        Assert.Equal("序号", Text(rows[1].Elements<TableCell>().First()));
        Assert.Empty(Body(doc).Descendants<TableHeader>());
    }

    [Fact]
    public void Render_Table_ColumnsShareTheTextBlockInTheirRelativeWidths()
    {
        using var doc = Open(Render(TableBlock(PersonsTable(titleRowFirst: true))));
        var table = Assert.Single(Body(doc).Elements<Table>());
        var grid = table.GetFirstChild<TableGrid>()!.Elements<GridColumn>().Select(g => int.Parse(g.Width!.Value!, CultureInfo.InvariantCulture)).ToList();
        var block = (int)Math.Round(Twips(156));
        Assert.InRange(grid.Sum(), block - 1, block + 1);
        double[] relative = [1, 2, 3, 2];
        for (var i = 0; i < grid.Count; i++) Assert.InRange(grid[i], block * relative[i] / 8 - 1, block * relative[i] / 8 + 1);
        var width = table.GetFirstChild<TableProperties>()!.TableWidth!;
        Assert.Equal(TableWidthUnitValues.Dxa, width.Type?.Value);
        Assert.Equal(grid.Sum().ToString(CultureInfo.InvariantCulture), width.Width?.Value);
        Assert.Equal(TableLayoutValues.Fixed, table.GetFirstChild<TableProperties>()!.TableLayout?.Type?.Value);
    }

    [Fact]
    public void Render_TableCells_HaveSpansAlignmentBoldAndSingleRulesOnEverySide()
    {
        using var doc = Open(Render(TableBlock(PersonsTable(titleRowFirst: true))));
        var rows = Assert.Single(Body(doc).Elements<Table>()).Elements<TableRow>().ToList();
        var title = Assert.Single(rows[0].Elements<TableCell>());
        Assert.Equal(4, title.TableCellProperties!.GridSpan?.Val?.Value);
        var headerCells = rows[1].Elements<TableCell>().ToList();
        Assert.Equal(3, headerCells.Count);
        Assert.Equal(2, headerCells[2].TableCellProperties!.GridSpan?.Val?.Value);
        Assert.All(headerCells, c =>
        {
            var p = Assert.Single(c.Elements<Paragraph>());
            Assert.Equal(JustificationValues.Center, p.ParagraphProperties?.Justification?.Val?.Value);
            Assert.All(p.Elements<Run>(), r => Assert.NotNull(r.RunProperties?.Bold));
        });
        var nameCell = rows[2].Elements<TableCell>().ElementAt(1);
        Assert.Null(nameCell.GetFirstChild<Paragraph>()!.ParagraphProperties!.Justification);
        Assert.Null(nameCell.Descendants<Bold>().FirstOrDefault());
        // A line break in a cell's text makes a second paragraph in the cell.
        Assert.Equal(["E12345678", "第二行"], rows[2].Elements<TableCell>().Last().Elements<Paragraph>().Select(Text));

        var cells = rows.SelectMany(r => r.Elements<TableCell>()).ToList();
        Assert.Equal(1 + 3 + 3 * 4 + 1, cells.Count);
        foreach (var cell in cells)
        {
            var borders = cell.TableCellProperties!.TableCellBorders!;
            BorderType[] sides = [borders.TopBorder!, borders.LeftBorder!, borders.BottomBorder!, borders.RightBorder!];
            Assert.All(sides, b =>
            {
                Assert.Equal(BorderValues.Single, b.Val?.Value);
                Assert.Equal(6u, b.Size?.Value); // eighths of a point: 0.75 pt
            });
            Assert.All(cell.Elements<Paragraph>(), p => Assert.Equal("SesTable", p.ParagraphProperties?.ParagraphStyleId?.Val?.Value));
        }
    }

    [Fact]
    public void Render_AdjacentTablesAtTheEnd_StayTwoTablesAndTheBodyEndsWithAParagraph()
    {
        var table = new ResolvedTable([1, 1], [new ResolvedRow([C("甲"), C("乙")], false, [])]);
        using var doc = Open(Render(Block(BlockKind.Title, "测试文书"), TableBlock(table), TableBlock(table)));
        AssertValid(doc);
        var children = Body(doc).ChildElements.Where(e => e is not SectionProperties).ToList();
        Assert.Equal(2, children.OfType<Table>().Count());
        Assert.IsType<Paragraph>(children[2]);
        Assert.IsType<Paragraph>(children[^1]);
    }

    [Fact]
    public void Render_TableWithoutRows_IsLeftOutAndTheFileStaysValid()
    {
        using var doc = Open(Render(Block(BlockKind.Title, "测试文书"), TableBlock(new ResolvedTable([1, 2], []))));
        AssertValid(doc);
        Assert.Empty(Body(doc).Descendants<Table>());
    }

    [Fact]
    public void Render_EnglishBlocks_UseBodySizeEnglishStylesAndRightLinesAlignRight()
    {
        using var doc = Open(Render(
            Block(BlockKind.Paragraph, "正文段落。"),
            Block(BlockKind.Paragraph, "You may  state your case.", "en"),
            Block(BlockKind.Right, "Civil Aviation Administration", "en"),
            Block(BlockKind.Right, "附件一\n附件二")));
        AssertValid(doc);
        var english = Assert.Single(ParagraphsOfStyle(doc, "SesEnglish"));
        Assert.Equal("You may  state your case.", Text(english));
        var style = Style(doc, "SesEnglish");
        Assert.Equal("32", style.StyleRunProperties!.FontSize?.Val?.Value); // 三号, the body's size
        Assert.Equal("en-US", style.StyleRunProperties.Languages?.Val?.Value);
        var line = Assert.Single(ParagraphsOfStyle(doc, "SesEnglishLine"));
        Assert.Equal(JustificationValues.Right, line.ParagraphProperties!.Justification?.Val?.Value);
        Assert.Equal(["附件一", "附件二"], ParagraphsOfStyle(doc, "SesRight").Select(Text));
    }

    [Fact]
    public void Render_MultiLineTitleAndTabs_StayInOneTitleParagraphAndValid()
    {
        using var doc = Open(Render(Block(BlockKind.Title, "第一行\n第二行"), Block(BlockKind.Line, "甲\t乙"), Block(BlockKind.Blank, "")));
        AssertValid(doc);
        Assert.Equal("第一行\n第二行", Text(Assert.Single(ParagraphsOfStyle(doc, "SesTitle"))));
        Assert.Equal("甲\t乙", Text(Assert.Single(ParagraphsOfStyle(doc, "SesLine"))));
        Assert.Equal("", Text(Assert.Single(ParagraphsOfStyle(doc, "SesBody"))));
    }
}
