using Ses.Documents.Templates;

namespace Ses.Documents.Rendering;

/// <summary>Fills a form's blocks with the validated values.</summary>
public static class DocumentResolver
{
    public static ResolvedDocument Resolve(FormInput input, RenderOptions? options = null)
    {
        options ??= RenderOptions.Final;
        if (options.IsDraft) input = input with { Number = null };
        var blocks = new List<ResolvedBlock>();
        foreach (var block in input.Form.Blocks)
        {
            if (block.When is not null && !input.Values.ContainsKey(block.When)) continue;
            if (block.Kind == BlockKind.Table)
            {
                blocks.Add(new ResolvedBlock(block.Kind, "", block.Lang, ResolveTable(block.Table!, input)));
                continue;
            }
            var text = block.Kind is BlockKind.Line or BlockKind.Right ? FillLines(block.Text, input) : TemplateText.Fill(block.Text, input);
            if (text is null) continue;
            if (block.Kind == BlockKind.Paragraph)
            {
                // A multi-line value (facts, reasons) continues as further indented paragraphs.
                foreach (var part in text.Split('\n'))
                {
                    blocks.Add(new ResolvedBlock(block.Kind, part.TrimEnd(), block.Lang, null));
                }
            }
            else
            {
                blocks.Add(new ResolvedBlock(block.Kind, text, block.Lang, null));
            }
        }
        return new ResolvedDocument(input.Form.Id, input.Form.Title, input.Number?.Format(), input.Bureau, blocks, options.Watermark, input.Form.Author,
            SealingUnitOf(input));
    }

    /// <summary>The unit whose seal the document bears (the form's <see cref="FormTemplate.SealByField"/>), null for the bureau's.</summary>
    /// <exception cref="ArgumentException">The field names no unit of the bureau (the validator refuses such data).</exception>
    public static SealingUnit? SealingUnitOf(FormInput input)
    {
        if (input.Form.SealByField is not { } field || !input.Values.TryGetValue(field, out var value)) return null;
        return input.Bureau.FindUnit(value.Display)
            ?? throw new ArgumentException($"'{field}' names no sealing unit of bureau {input.Bureau.Code}: {value.Display}", nameof(input));
    }

    /// <summary>
    /// The lines of a line block, each filled; a line whose placeholders all came out empty (联系电话 with no phone
    /// given and none in the bureau's profile) is left out rather than printed as a bare label. Null when no line is left.
    /// </summary>
    private static string? FillLines(string text, FormInput input)
    {
        var kept = text.Split('\n').Where(line => !TemplateText.AllPlaceholdersEmpty(line, input)).Select(line => TemplateText.Fill(line, input)).ToList();
        return kept.Count == 0 ? null : string.Join('\n', kept);
    }

    private static ResolvedTable ResolveTable(TableSpec table, FormInput input)
    {
        var rows = new List<ResolvedRow>();
        var headers = new List<ResolvedRow>();
        foreach (var spec in table.Rows)
        {
            if (spec.Repeat is null)
            {
                var row = new ResolvedRow(Cells(spec, input, null, 0), spec.Header, [], spec.KeepWithNext);
                if (spec.Header) headers.Add(row);
                else headers.Clear();
                rows.Add(row);
                continue;
            }
            var repeatHeader = headers.ToArray();
            headers.Clear();
            var values = input.Values.TryGetValue(spec.Repeat, out var v) && v is RowsValue rv ? rv.Rows : [];
            for (var i = 0; i < values.Count; i++)
            {
                rows.Add(new ResolvedRow(Cells(spec, input, values[i], i + 1), false, repeatHeader));
            }
            for (var i = values.Count; i < spec.MinEmptyRows; i++)
            {
                rows.Add(new ResolvedRow(Cells(spec, input, new Dictionary<string, FieldValue>(), i + 1), false, repeatHeader));
            }
        }
        return new ResolvedTable(table.Columns, rows);
    }

    private static List<ResolvedCell> Cells(TableRowSpec spec, FormInput input, IReadOnlyDictionary<string, FieldValue>? row, int number) =>
        [.. spec.Cells.Select(c => new ResolvedCell(TemplateText.Fill(c.Text, input, row, number), c.Span, c.Align, c.Bold, c.Seal))];
}
