namespace Ses.Documents.Templates;

/// <summary>A statutory form: its id (public interface), title, number series, schema and blocks.</summary>
/// <param name="Id">Public id, e.g. <c>notice-org</c>.</param>
/// <param name="Title">Statutory title of the attachment.</param>
/// <param name="Series">Number series (信告, 信决, 信不决, 信不受), or null for unnumbered forms.</param>
/// <param name="Important">Served on paper as well as electronically (seed 000 §II, 确认函 §II.4).</param>
/// <param name="Source">Where the statutory text comes from.</param>
/// <param name="Fields">The typed schema.</param>
/// <param name="Blocks">The body, in order.</param>
public sealed record FormTemplate(
    string Id,
    string Title,
    string? Series,
    bool Important,
    string Source,
    IReadOnlyList<FieldSpec> Fields,
    IReadOnlyList<BlockSpec> Blocks)
{
    public FieldSpec? FindField(string name) => Fields.FirstOrDefault(f => f.Name == name);
}
