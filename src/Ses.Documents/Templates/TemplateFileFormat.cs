using System.Text.Json;
using System.Text.Json.Serialization;

namespace Ses.Documents.Templates;

// The on-disk shape of templates/forms/*.json and templates/bureaus/*.json (documented in templates/README.md).
// Kept apart from the immutable model so that a mistake in a file gets a message naming the file and the key.

internal sealed class FormFile
{
    public string? Id { get; set; }
    public string? Title { get; set; }
    public string? Series { get; set; }
    public bool Important { get; set; }
    public bool Internal { get; set; }
    public string? Author { get; set; }
    public string? Source { get; set; }
    public List<string>? Opens { get; set; }
    public string? ValidityCase { get; set; }
    public PartyFile? Party { get; set; }
    public string? SealBy { get; set; }
    public List<FieldFile>? Fields { get; set; }
    public List<BlockFile>? Blocks { get; set; }
}

internal sealed class PartyFile
{
    public string? Name { get; set; }
    public List<string>? Ids { get; set; }
    public string? Kind { get; set; }
}

internal sealed class FieldFile
{
    public string? Name { get; set; }
    public string? Label { get; set; }
    public string? Type { get; set; }
    public bool Required { get; set; } = true;
    public int? MaxLength { get; set; }
    public List<OptionFile>? Options { get; set; }
    public List<FieldFile>? Columns { get; set; }
    public int MinRows { get; set; }
    public int MaxRows { get; set; } = 200;
    public string? Hint { get; set; }
    public string? Proposal { get; set; }
    public bool Past { get; set; }
}

internal sealed class OptionFile
{
    public string? Value { get; set; }
    public string? Label { get; set; }
    public Dictionary<string, string>? Texts { get; set; }
}

internal sealed class BlockFile
{
    public string? Type { get; set; }
    public string? Text { get; set; }
    public string? When { get; set; }
    public string? Lang { get; set; }
    public List<double>? Columns { get; set; }
    public List<RowFile>? Rows { get; set; }
}

internal sealed class RowFile
{
    public bool Header { get; set; }
    public string? Repeat { get; set; }
    public int MinEmptyRows { get; set; }
    public bool KeepWithNext { get; set; }
    public List<CellFile>? Cells { get; set; }
}

internal sealed class CellFile
{
    public string? Text { get; set; }
    public int Span { get; set; } = 1;
    public string? Align { get; set; }
    public bool Bold { get; set; }
    public bool Seal { get; set; }
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    ReadCommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow)]
[JsonSerializable(typeof(FormFile))]
[JsonSerializable(typeof(BureauProfile))]
internal sealed partial class TemplateJsonContext : JsonSerializerContext;
