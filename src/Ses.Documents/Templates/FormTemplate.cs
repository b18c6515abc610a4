namespace Ses.Documents.Templates;

/// <summary>A form: its id (public interface), title, number series, schema and blocks. Most are statutory forms; an
/// internal one (the delivery certificate) is a document the system composes itself from its records.</summary>
/// <param name="Id">Public id, e.g. <c>notice-org</c>.</param>
/// <param name="Title">Statutory title of the attachment.</param>
/// <param name="Series">Number series (信告, 信决, 信不决, 信不受), or null for unnumbered forms.</param>
/// <param name="Important">Served on paper as well as electronically (确认函第一条、第二条第四项).</param>
/// <param name="Source">Where the statutory text comes from.</param>
/// <param name="Fields">The typed schema.</param>
/// <param name="Blocks">The body, in order.</param>
/// <param name="Internal">Not a statutory form: not listed, not rendered from submitted field values, never issued
/// with a number; only the code that composes it (e.g. <c>DocumentEngine.RenderDeliveryCertificate</c>) uses it.</param>
/// <param name="Author">Who writes and signs the form (<c>"author": "counterparty"</c> in the file): a counterparty's
/// form is never sealed or signed with the bureau's key and never issued.</param>
public sealed record FormTemplate(
    string Id,
    string Title,
    string? Series,
    bool Important,
    string Source,
    IReadOnlyList<FieldSpec> Fields,
    IReadOnlyList<BlockSpec> Blocks,
    bool Internal = false,
    FormAuthor Author = FormAuthor.Bureau)
{
    public bool IsCounterpartyAuthored => Author == FormAuthor.Counterparty;

    /// <summary>The periods the delivery of the form's document opens (<c>"opens"</c> in the file), in this order.</summary>
    public IReadOnlyList<OpenedPeriod> Opens { get; init; } = [];

    /// <summary>The choice field whose value (<c>general</c> or <c>art8-1-3</c>) sets the validity and repair periods
    /// (<c>"validityCase"</c> in the file); set when <see cref="Opens"/> has either.</summary>
    public string? ValidityCaseField { get; init; }

    /// <summary>The fields that name the party (<c>"party"</c> in the file), or null when the form names none.</summary>
    public FormParty? Party { get; init; }

    /// <summary>
    /// The text field that names the unit whose seal the document bears (<c>"sealBy"</c> in the file): the collecting
    /// unit of a collection form (采集单位（盖章）), the department of a transfer slip (XX处（盖章）). Null: the bureau's seal.
    /// </summary>
    public string? SealByField { get; init; }

    public bool OpensPeriod(OpenedPeriod period) => Opens.Contains(period);

    public FieldSpec? FindField(string name) => Fields.FirstOrDefault(f => f.Name == name);
}
