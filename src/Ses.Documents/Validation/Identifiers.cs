using Ses.Documents.Templates;

namespace Ses.Documents.Validation;

/// <summary>
/// The identifier rules for callers outside the form engine (counterparty registration, accounts): each check
/// returns null or a <see cref="Problem"/> naming the field, with the same codes and messages as form fields.
/// </summary>
public static class Identifiers
{
    public static string Normalize(string value) => IdentifierRules.Normalize(value);

    /// <summary>An organisation's or person's identifier under the scheme of 实施办法第五条.</summary>
    public static Problem? Check(IdScheme scheme, string value, string field, string label)
    {
        var rule = scheme switch
        {
            IdScheme.Uscc => IdentifierRules.CheckUscc(value),
            IdScheme.AirlineCode => IdentifierRules.CheckAirlineCode(value),
            IdScheme.Licence => IdentifierRules.CheckLicence(value),
            IdScheme.IdNumber => IdentifierRules.CheckIdNumber(value),
            _ => IdentifierRules.CheckPassport(value),
        };
        return rule is null ? null : RuleMessages.Problem(field, label, rule);
    }

    /// <summary>A mainland mobile number (SES sends its SMS to the contacts: 注册通知第二条第（一）项).</summary>
    public static Problem? CheckMobile(string value, string field, string label) =>
        IdentifierRules.CheckMobile(value) is { } rule ? RuleMessages.Problem(field, label, rule) : null;

    /// <summary>
    /// The 11 digits of a valid mainland mobile number however it was written (<c>+86 137…</c>, <c>86-137…</c>,
    /// full-width digits), so one phone is one key for limits and codes; null if it is not one.
    /// </summary>
    public static string? Mobile(string value)
    {
        var normalized = Normalize(value);
        return IdentifierRules.CheckMobile(normalized) is null ? normalized[^11..] : null;
    }
}
