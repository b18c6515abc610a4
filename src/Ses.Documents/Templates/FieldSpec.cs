namespace Ses.Documents.Templates;

/// <summary>A field of a form's schema.</summary>
/// <param name="Name">Key in the field values (ASCII, camelCase).</param>
/// <param name="Label">Chinese label shown to people and used in messages.</param>
/// <param name="Kind">The field's type.</param>
/// <param name="Required">Whether a value must be given.</param>
/// <param name="MaxLength">Longest accepted text in characters (text fields).</param>
/// <param name="Options">The options of a choice field.</param>
/// <param name="Columns">The columns of a rows field.</param>
/// <param name="MinRows">Fewest rows of a rows field.</param>
/// <param name="MaxRows">Most rows of a rows field.</param>
/// <param name="Hint">Help text for people filling the form.</param>
/// <param name="Proposal">A value the service proposes and checks when issuing (<c>reply-date</c>: the notice's date for
/// statement and defence, which must leave 5 full working days).</param>
/// <param name="Past">A date of something that has happened (the act, an application received, the 成文日期): when
/// issuing, it may not be later than the Beijing date of issue.</param>
public sealed record FieldSpec(
    string Name,
    string Label,
    FieldKind Kind,
    bool Required,
    int? MaxLength,
    IReadOnlyList<ChoiceOption> Options,
    IReadOnlyList<FieldSpec> Columns,
    int MinRows,
    int MaxRows,
    string? Hint,
    string? Proposal = null,
    bool Past = false)
{
    /// <summary>The kind as written in template files and schemas (<c>id-number</c>).</summary>
    public string KindName => FormTemplateReader.Kebab(Kind.ToString());

    public ChoiceOption? FindOption(string value) => Options.FirstOrDefault(o => o.Value == value);
}
