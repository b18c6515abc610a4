using Ses.Documents;
using Ses.Documents.Validation;
using Ses.Service.Consent;
using Ses.Service.Counterparties;

namespace Ses.Service.Registrations;

/// <summary>
/// The checks of a registration as submitted, every problem at once: the kind and identifier of 实施办法第五条 (with
/// CounterpartyRules, as an administrator's entry), two contacts with name, mobile and email (注册通知第二条第（一）项、附件2第5项),
/// accounts named by the rule of 注册通知第二条第（二）项, the office derived from the address or the approving bureau, and the
/// scans (附件2第3项: the licence of a domestic entity, the signed 确认函 of every entity).
/// </summary>
public sealed class RegistrationChecks(DocumentEngine engine, RegistrationOffices offices)
{
    public const int MaxAccounts = 10;

    private static readonly string[] Kinds = [CounterpartyKind.DomesticLegalPerson, CounterpartyKind.DomesticOtherOrganisation, CounterpartyKind.Foreign];

    /// <summary>
    /// The checked data, or null with the problems. With <paramref name="filesOptional"/> (an amendment) a scan left out is not
    /// a problem (the one uploaded before stays).
    /// </summary>
    public RegistrationData? Check(RegistrationRequest r, List<Problem> problems, bool filesOptional = false)
    {
        var kind = r.Kind?.Trim() ?? "";
        if (!Kinds.Contains(kind))
        {
            // 注册通知第一条: organisations registered in China, and foreign and regional airlines; not individuals.
            problems.Add(new("kind", ErrorCodes.RegistrationKind, "「类别」应为境内法人（domestic-legal-person）、境内其他组织（domestic-other-organisation）或境外主体（foreign）"));
            return null;
        }
        var contacts = r.Contacts ?? [];
        if (contacts.Any(c => c is null)) contacts = [];
        var counterparty = new CounterpartyRequest(kind, r.Name ?? "", r.IdScheme ?? "", r.IdValue ?? "", r.Address, contacts);
        problems.AddRange(CounterpartyRules.Check(counterparty));
        var address = r.Address?.Trim() ?? "";
        if (address.Length is 0 or > 200) problems.Add(new("address", ErrorCodes.FieldRequired, "「住所」必须填写（营业执照或法人证书载明的住所），且不超过 200 字"));
        if (contacts.Count == 2)
        {
            for (var i = 0; i < 2; i++)
            {
                if (string.IsNullOrWhiteSpace(contacts[i].Email) && !problems.Any(p => p.Field == $"contacts[{i}].email"))
                {
                    problems.Add(new($"contacts[{i}].email", ErrorCodes.FieldRequired, "「电子邮箱」必须填写（注册通知附件2第5项）"));
                }
                if ((contacts[i].Name?.Trim().Length ?? 0) > 40) problems.Add(new($"contacts[{i}].name", ErrorCodes.FieldTooLong, "「联系人姓名」不超过 40 字"));
                if ((contacts[i].Email?.Trim().Length ?? 0) > 200) problems.Add(new($"contacts[{i}].email", ErrorCodes.FieldTooLong, "「电子邮箱」不超过 200 个字符"));
                Printable($"contacts[{i}].name", "联系人姓名", contacts[i].Name);
            }
        }
        Printable("name", "名称", r.Name);
        Printable("address", "住所", address);
        var accounts = Accounts(r.Accounts, problems);
        var office = problems.Any(p => p.Field == "address") ? null : offices.Find(kind, address, r.ApprovingBureau, problems);
        var licence = r.Licence is null && (filesOptional || kind == CounterpartyKind.Foreign)
            ? null
            : ConsentLetters.Check(r.Licence, problems, "licence", "营业执照/法人证书副本扫描件",
                "请上传加盖公章的营业执照或法人证书副本扫描件（PDF、JPEG 或 PNG）");
        var letter = r.Letter is null && filesOptional ? null : ConsentLetters.Check(r.Letter, problems, "letter");
        if (problems.Count > 0 || office is null) return null;
        return new RegistrationData(kind, r.Name!.Trim(), r.IdScheme!, Identifiers.Normalize(r.IdValue!), address, office.Value.Bureau, office.Value.Office,
            [.. contacts.Select(c => (c.Name.Trim(), Identifiers.Normalize(c.Mobile), c.Email!.Trim()))], accounts, licence, letter);

        void Printable(string field, string label, string? value)
        {
            if (!string.IsNullOrEmpty(value) && !problems.Any(p => p.Field == field)
                && EntryChecks.Text(engine, field, label, value.Trim(), lineBreaks: false) is { } p)
            {
                problems.Add(p);
            }
        }
    }

    private (string UserName, string Department)[] Accounts(IReadOnlyList<RequestedAccount>? requested, List<Problem> problems)
    {
        // 注册通知第二条第（二）项: one or more accounts, each bound to a department.
        if (requested is not { Count: > 0 } || requested.Count > MaxAccounts)
        {
            problems.Add(new("accounts", ErrorCodes.RegistrationAccounts, $"「申请账号」至少一个，至多 {MaxAccounts} 个"));
            return [];
        }
        var list = new List<(string, string)>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < requested.Count; i++)
        {
            var a = requested[i];
            if (CounterpartyRules.CheckAccountName(a?.UserName) is { } p)
            {
                problems.Add(p with { Field = $"accounts[{i}].userName" });
            }
            else if (!seen.Add(a!.UserName!))
            {
                problems.Add(new($"accounts[{i}].userName", ErrorCodes.RegistrationAccountDuplicate, $"账号名称「{a.UserName}」重复申请"));
            }
            var department = a?.Department?.Trim() ?? "";
            if (department.Length is 0 or > 64)
            {
                problems.Add(new($"accounts[{i}].department", ErrorCodes.FieldRequired, "「绑定部门」必须填写，且不超过 64 字"));
            }
            else if (EntryChecks.Text(engine, $"accounts[{i}].department", "绑定部门", department, lineBreaks: false) is { } d)
            {
                problems.Add(d);
            }
            list.Add((a?.UserName ?? "", department));
        }
        return [.. list];
    }
}
