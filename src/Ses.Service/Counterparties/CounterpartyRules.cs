using System.Text.RegularExpressions;
using Ses.Documents.Templates;
using Ses.Documents.Validation;

namespace Ses.Service.Counterparties;

/// <summary>Checks of a counterparty registration and of account names, every problem at once.</summary>
public static partial class CounterpartyRules
{
    public static List<Problem> Check(CounterpartyRequest r)
    {
        var problems = new List<Problem>();
        if (!CounterpartyKind.All.Contains(r.Kind))
        {
            problems.Add(new("kind", ErrorCodes.CounterpartyKind, $"「类别」应为 {string.Join("、", CounterpartyKind.All)} 之一"));
        }
        if (string.IsNullOrWhiteSpace(r.Name) || r.Name.Length > 200) problems.Add(new("name", ErrorCodes.FieldRequired, "「名称」必须填写，且不超过 200 字"));
        var scheme = Scheme(r.IdScheme);
        var allowed = r.Kind switch
        {
            CounterpartyKind.Individual => new[] { IdScheme.IdNumber, IdScheme.Passport },
            CounterpartyKind.Foreign => [IdScheme.AirlineCode, IdScheme.Licence, IdScheme.Uscc],
            _ => [IdScheme.Uscc],
        };
        if (scheme is null || !allowed.Contains(scheme.Value))
        {
            // 实施办法第五条: organisations by USCC, foreign airlines by two-letter code, other foreign holders by
            // licence number; persons by ID number, else passport.
            problems.Add(new("idScheme", ErrorCodes.CounterpartyIdScheme, "「标识类型」与类别不符：境内组织用统一社会信用代码，境外航空公司用二字代码，境外其他持证组织用许可证号码，个人用身份证号码或护照号码"));
        }
        else if (Identifiers.Check(scheme.Value, Identifiers.Normalize(r.IdValue ?? ""), "idValue", "标识号码") is { } p)
        {
            problems.Add(p);
        }
        if (r.Contacts is not { Count: 2 })
        {
            problems.Add(new("contacts", ErrorCodes.CounterpartyContacts, "「联系人」应为两名（《关于开展民航行业监管执法信息系统（SES）相对人注册工作的通知》第二条第（一）项）"));
        }
        else
        {
            for (var i = 0; i < 2; i++)
            {
                var c = r.Contacts[i];
                if (string.IsNullOrWhiteSpace(c.Name)) problems.Add(new($"contacts[{i}].name", ErrorCodes.FieldRequired, "「联系人姓名」必须填写"));
                if (Identifiers.CheckMobile(Identifiers.Normalize(c.Mobile ?? ""), $"contacts[{i}].mobile", "联系人手机号码") is { } m) problems.Add(m);
                if (!string.IsNullOrEmpty(c.Email) && !Email().IsMatch(c.Email))
                {
                    problems.Add(new($"contacts[{i}].email", ErrorCodes.FieldEmailFormat, "「电子邮箱」格式不正确"));
                }
            }
        }
        return problems;
    }

    public static IdScheme? Scheme(string? text) => text switch
    {
        "uscc" => IdScheme.Uscc,
        "airline" => IdScheme.AirlineCode,
        "licence" => IdScheme.Licence,
        "id" => IdScheme.IdNumber,
        "passport" => IdScheme.Passport,
        _ => null,
    };

    /// <summary>注册通知第二条第（二）项: like <c>ceair_ops</c> — ASCII letters, digits and _ . -, no Chinese characters.</summary>
    public static Problem? CheckAccountName(string? name) =>
        name is not null && AccountName().IsMatch(name)
            ? null
            : new Problem("userName", ErrorCodes.AccountName, "「账号名称」应为 3 至 32 位英文字母、数字或 _ . -，以字母或数字开头，不得含有中文字符（如 ceair_ops）");

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9_.\-]{2,31}\z")]
    private static partial Regex AccountName();

    /// <summary>An email address as every form takes it (a staff member's too).</summary>
    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+\z")]
    internal static partial Regex Email();
}
