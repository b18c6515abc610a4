using System.Text.Json.Serialization;
using Ses.Documents.Templates;

namespace Ses.Service.Documents;

/// <summary>A form's public description: id, title, series and typed fields.</summary>
public sealed record FormSchema(string Id, string Title, string? Series, bool Important, string Source, IReadOnlyList<FieldSchema> Fields)
{
    public static FormSchema From(FormTemplate f) =>
        new(f.Id, f.Title, f.Series, f.Important, f.Source, [.. f.Fields.Select(FieldSchema.From)]);
}

public sealed record FieldSchema(
    string Name,
    string Label,
    string Type,
    bool Required,
    int? MaxLength,
    IReadOnlyList<OptionSchema>? Options,
    IReadOnlyList<FieldSchema>? Columns,
    string? Hint)
{
    public static FieldSchema From(FieldSpec f) => new(
        f.Name, f.Label, f.KindName, f.Required, f.MaxLength,
        f.Options.Count == 0 ? null : [.. f.Options.Select(o => new OptionSchema(o.Value, o.Label))],
        f.Columns.Count == 0 ? null : [.. f.Columns.Select(From)],
        f.Hint);

}

public sealed record OptionSchema(string Value, string Label);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(List<FormSchema>))]
internal sealed partial class FormSchemaJson : JsonSerializerContext;
