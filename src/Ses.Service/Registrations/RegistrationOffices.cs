using Ses.Documents;
using Ses.Documents.Validation;
using Ses.Service.Counterparties;

namespace Ses.Service.Registrations;

/// <summary>
/// The office that verifies a registration, derived and never chosen (《关于开展民航行业监管执法信息系统（SES）相对人注册工作的通知》
/// 第二条第（三）项、第（四）项): a domestic entity's by the address on its licence, from the supervision offices each bureau
/// profile lists (templates/bureaus/*.json, <c>offices</c>); a foreign or regional airline's (and any foreign entity's) is the
/// bureau that approved its operations specifications.
/// </summary>
public sealed class RegistrationOffices(DocumentEngine engine)
{
    /// <summary>The bureau and office, or the problem naming the field that decides them.</summary>
    public (string Bureau, string Office)? Find(string kind, string? address, string? approvingBureau, List<Problem> problems)
    {
        if (kind == CounterpartyKind.Foreign)
        {
            var bureau = engine.Templates.FindBureau(approvingBureau?.Trim() ?? "");
            if (bureau is null)
            {
                var known = string.Join("、", engine.Templates.Bureaus.Select(b => $"{b.Code}（{b.Name}）"));
                problems.Add(new("approvingBureau", ErrorCodes.RegistrationBureau,
                    $"「批准运行规范的管理局」应为以下之一：{known}（外国航空公司和地区航空公司由批准其运行规范的主管管理局审核）"));
                return null;
            }
            return (bureau.Code, bureau.Name);
        }
        var found = Match(address ?? "");
        if (found is null)
        {
            problems.Add(new("address", ErrorCodes.RegistrationAddressOffice,
                "「住所」应以省、自治区或直辖市开头（如「陕西省西安市……」），系统据此确定所属监管局；该地址不属于任何监管局"));
        }
        return found;
    }

    /// <summary>The office of an address: the most specific region it begins with (a city of the province before the province).</summary>
    public (string Bureau, string Office)? Match(string address)
    {
        var text = address.Trim();
        foreach (var prefix in new[] { "中华人民共和国", "中国" })
        {
            if (text.StartsWith(prefix, StringComparison.Ordinal) && text.Length > prefix.Length) text = text[prefix.Length..];
        }
        (string Bureau, string Office, int Rank)? best = null;
        foreach (var bureau in engine.Templates.Bureaus)
        {
            foreach (var office in bureau.Offices ?? [])
            {
                foreach (var region in office.Regions)
                {
                    var parts = region.Split('/', StringSplitOptions.TrimEntries);
                    if (!text.StartsWith(parts[0], StringComparison.Ordinal)) continue;
                    if (parts.Length == 2 && !text[parts[0].Length..].Contains(parts[1], StringComparison.Ordinal)) continue;
                    if (best is null || parts.Length > best.Value.Rank) best = (bureau.Code, office.Name, parts.Length);
                }
            }
        }
        return best is { } b ? (b.Bureau, b.Office) : null;
    }
}
