namespace Ses.Documents.Templates;

/// <summary>
/// Bureau-specific values (templates/bureaus/*.json): nothing bureau-specific is written in code or form text.
/// </summary>
/// <param name="Code">Short ASCII code, e.g. <c>xibei</c>.</param>
/// <param name="Name">Full name, e.g. 民航西北地区管理局.</param>
/// <param name="NumberPrefix">Number prefix, e.g. 西北局.</param>
/// <param name="Address">本机关地址 (may be empty).</param>
/// <param name="PostalCode">邮政编码 (may be empty).</param>
/// <param name="Contact">联系人 (may be empty).</param>
/// <param name="Phone">联系电话 (may be empty).</param>
/// <param name="LegalDepartment">The legal department (法制部门), e.g. 政策法规处.</param>
/// <param name="SealCity">The city named on the seal line.</param>
/// <param name="SealText">The text on the arc of the bureau's seal: its full legal name (中国民用航空西北地区管理局).</param>
/// <param name="Offices">Its supervision offices and their regions (registration: the office is derived from the address).</param>
/// <param name="Fonts">Licensed fonts the bureau owns, by role (null: the shipped fonts of templates.json).</param>
/// <param name="Units">The units that seal their own documents (departments, supervision offices), each with its seal text.</param>
public sealed record BureauProfile(
    string Code,
    string Name,
    string NumberPrefix,
    string Address,
    string PostalCode,
    string Contact,
    string Phone,
    string LegalDepartment,
    string SealCity,
    string SealText,
    IReadOnlyList<SupervisionOffice>? Offices = null,
    BureauFonts? Fonts = null,
    IReadOnlyList<SealingUnit>? Units = null)
{
    /// <summary>The unit a form names (<see cref="SealingUnit.IsNamedBy"/>), or null when the bureau has none of that name.</summary>
    public SealingUnit? FindUnit(string name) => (Units ?? []).FirstOrDefault(u => u.IsNamedBy(name));

    /// <summary>A unit by its <see cref="SealingUnit.Id"/>, or null.</summary>
    public SealingUnit? FindUnitById(string id) => (Units ?? []).FirstOrDefault(u => u.Id == id);

    /// <summary>The names of the units that seal their own documents, as a person reads them (一、二、三).</summary>
    public string UnitNames => Units is { Count: > 0 } list ? string.Join("、", list.Select(u => u.Name)) : "（未配置盖章单位）";
}
