using System.Text.Json;
using System.Text.RegularExpressions;

namespace Ses.Documents.Templates;

/// <summary>Reads one templates/forms/*.json file into an immutable <see cref="FormTemplate"/>, checking every reference.</summary>
internal static partial class FormTemplateReader
{
    public static FormTemplate Read(string file)
    {
        FormFile? f;
        try
        {
            f = JsonSerializer.Deserialize(File.ReadAllBytes(file), TemplateJsonContext.Default.FormFile);
        }
        catch (JsonException e)
        {
            throw new TemplateException($"{file}: {e.Message}", e);
        }
        if (f is null) throw new TemplateException($"{file}: empty file");
        var id = Required(file, "id", f.Id);
        if (Path.GetFileNameWithoutExtension(file) != id) throw new TemplateException($"{file}: id '{id}' must match the file name");
        var fields = (f.Fields ?? []).Select((x, i) => Field(file, $"fields[{i}]", x)).ToList();
        var blocks = (f.Blocks ?? []).Select((x, i) => Block(file, $"blocks[{i}]", x)).ToList();
        if (blocks.Count == 0) throw new TemplateException($"{file}: 'blocks' is empty");
        var series = string.IsNullOrWhiteSpace(f.Series) ? null : f.Series;
        if (f.Internal && series is not null) throw new TemplateException($"{file}: an internal form has no number series");
        var author = f.Author is null ? FormAuthor.Bureau : ParseEnum<FormAuthor>(file, "author", f.Author);
        if (author == FormAuthor.Counterparty && series is not null) throw new TemplateException($"{file}: a counterparty's form has no number series");
        var form = new FormTemplate(id, Required(file, "title", f.Title), series, f.Important, f.Source ?? "", fields, blocks, f.Internal, author);
        CheckPlaceholders(file, form);
        var opens = Opens(file, f.Opens, form);
        return form with
        {
            Opens = opens, ValidityCaseField = ValidityCase(file, f.ValidityCase, opens, form), Party = Party(file, f.Party, form),
            SealByField = SealBy(file, f.SealBy, form),
        };
    }

    /// <summary>The periods delivery opens: known names, each once, and only on a numbered form (only those are issued and delivered).</summary>
    private static List<OpenedPeriod> Opens(string file, List<string>? names, FormTemplate form)
    {
        var opens = (names ?? []).Select((x, i) => ParseEnum<OpenedPeriod>(file, $"opens[{i}]", x)).ToList();
        if (opens.Count > 0 && form.Series is null) throw new TemplateException($"{file}: 'opens': a form without a number series is never delivered");
        if (opens.GroupBy(p => p).FirstOrDefault(g => g.Count() > 1) is { } twice)
        {
            throw new TemplateException($"{file}: 'opens' names '{Kebab(twice.Key.ToString())}' twice");
        }
        return [.. opens.Order()];
    }

    /// <summary>The validity and repair periods need the choice field with the case; nothing else uses it.</summary>
    private static string? ValidityCase(string file, string? field, List<OpenedPeriod> opens, FormTemplate form)
    {
        var needed = opens.Contains(OpenedPeriod.Validity) || opens.Contains(OpenedPeriod.Repair);
        if (string.IsNullOrWhiteSpace(field))
        {
            return needed ? throw new TemplateException($"{file}: 'validityCase' is required when 'opens' has validity or repair") : null;
        }
        if (!needed) throw new TemplateException($"{file}: 'validityCase' is used only when 'opens' has validity or repair");
        return form.FindField(field) is { Kind: FieldKind.Choice }
            ? field
            : throw new TemplateException($"{file}: 'validityCase' names no choice field: {field}");
    }

    /// <summary>The field naming the sealing unit: a required text field of a form the bureau's side writes and seals.</summary>
    private static string? SealBy(string file, string? field, FormTemplate form)
    {
        if (field is null) return null;
        if (form.IsCounterpartyAuthored) throw new TemplateException($"{file}: 'sealBy': a counterparty's form is sealed by the counterparty");
        return form.FindField(field) is { Kind: FieldKind.Text, Required: true }
            ? field
            : throw new TemplateException($"{file}: 'sealBy' names no required text field: {field}");
    }

    private static FormParty? Party(string file, PartyFile? party, FormTemplate form)
    {
        if (party is null) return null;
        const string at = "party";
        var name = Required(file, $"{at}.name", party.Name);
        if (form.FindField(name) is not { Kind: FieldKind.Text }) throw new TemplateException($"{file}: 'party.name' names no text field: {name}");
        var ids = party.Ids ?? [];
        for (var i = 0; i < ids.Count; i++)
        {
            if (form.FindField(ids[i]) is not { Kind: FieldKind.OrgId or FieldKind.PersonId })
            {
                throw new TemplateException($"{file}: 'party.ids[{i}]' names no org-id or person-id field: {ids[i]}");
            }
        }
        if (party.Kind is not null && form.FindField(party.Kind) is not { Kind: FieldKind.Choice })
        {
            throw new TemplateException($"{file}: 'party.kind' names no choice field: {party.Kind}");
        }
        return new FormParty(name, [.. ids], party.Kind);
    }

    private static FieldSpec Field(string file, string at, FieldFile x)
    {
        var name = Required(file, at + ".name", x.Name);
        var kind = ParseEnum<FieldKind>(file, at + ".type", x.Type);
        var options = (x.Options ?? []).Select((o, i) => new ChoiceOption(
            Required(file, $"{at}.options[{i}].value", o.Value), o.Label ?? o.Value!,
            o.Texts ?? new Dictionary<string, string>())).ToList();
        if (kind == FieldKind.Choice && options.Count == 0) throw new TemplateException($"{file}: {at}: a choice needs 'options'");
        var columns = (x.Columns ?? []).Select((c, i) => Field(file, $"{at}.columns[{i}]", c)).ToList();
        if (kind == FieldKind.Rows && columns.Count == 0) throw new TemplateException($"{file}: {at}: rows need 'columns'");
        if (x.Past && kind != FieldKind.Date) throw new TemplateException($"{file}: {at}: 'past' is for a date");
        return new FieldSpec(name, Required(file, at + ".label", x.Label), kind, x.Required && kind != FieldKind.Rows,
            x.MaxLength, options, columns, x.MinRows, x.MaxRows, x.Hint, x.Proposal, x.Past);
    }

    private static BlockSpec Block(string file, string at, BlockFile x)
    {
        var kind = ParseEnum<BlockKind>(file, at + ".type", x.Type);
        TableSpec? table = null;
        if (kind == BlockKind.Table)
        {
            var columns = x.Columns ?? throw new TemplateException($"{file}: {at}: a table needs 'columns'");
            var rows = (x.Rows ?? []).Select((r, i) => new TableRowSpec(
                (r.Cells ?? []).Select((c, j) => new TableCellSpec(c.Text ?? "", Math.Max(1, c.Span),
                    ParseEnum<CellAlign>(file, $"{at}.rows[{i}].cells[{j}].align", c.Align ?? "left"), c.Bold, c.Seal)).ToList(),
                r.Header, r.Repeat, r.MinEmptyRows, r.KeepWithNext || r.Header)).ToList();
            for (var i = 0; i < rows.Count; i++)
            {
                var span = rows[i].Cells.Sum(c => c.Span);
                if (span != columns.Count) throw new TemplateException($"{file}: {at}.rows[{i}] spans {span} columns, the table has {columns.Count}");
            }
            table = new TableSpec(columns, rows);
        }
        return new BlockSpec(kind, x.Text ?? "", table, x.When, x.Lang ?? "zh");
    }

    /// <summary>Every {{placeholder}} must name a field, a choice text, a bureau value or the number.</summary>
    private static void CheckPlaceholders(string file, FormTemplate form)
    {
        foreach (var block in form.Blocks)
        {
            var texts = block.Table is null
                ? [(block.Text, (FieldSpec?)null)]
                : block.Table.Rows.SelectMany(r => r.Cells.Select(c => (c.Text, r.Repeat is null ? null : form.FindField(r.Repeat))));
            foreach (var (text, rowsField) in texts)
            {
                foreach (Match m in Placeholder().Matches(text))
                {
                    if (!TemplateText.IsKnown(m.Groups[1].Value, form, rowsField))
                    {
                        throw new TemplateException($"{file}: placeholder '{m.Value}' names no field, choice text or bureau value");
                    }
                }
            }
            if (block.When is not null && form.FindField(block.When) is null) throw new TemplateException($"{file}: 'when' names no field: {block.When}");
        }
    }

    [GeneratedRegex(@"\{\{([^{}]+)\}\}")]
    internal static partial Regex Placeholder();

    private static string Required(string file, string key, string? value) =>
        string.IsNullOrWhiteSpace(value) ? throw new TemplateException($"{file}: '{key}' is required") : value;

    private static T ParseEnum<T>(string file, string key, string? value) where T : struct, Enum
    {
        var name = (value ?? "").Replace("-", "", StringComparison.Ordinal);
        return Enum.TryParse<T>(name, ignoreCase: true, out var v) && !int.TryParse(name, out _)
            ? v
            : throw new TemplateException($"{file}: '{key}' is '{value}', expected one of: {string.Join(", ", Enum.GetNames<T>().Select(Kebab))}");
    }

    internal static string Kebab(string pascal) =>
        string.Concat(pascal.Select((c, i) => char.IsUpper(c) && i > 0 ? "-" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));
}
