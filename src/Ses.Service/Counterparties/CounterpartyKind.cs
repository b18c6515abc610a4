namespace Ses.Service.Counterparties;

/// <summary>The kinds of counterparty of the 注册通知 (附件2第2项), and individuals.</summary>
public static class CounterpartyKind
{
    /// <summary>境内法人.</summary>
    public const string DomesticLegalPerson = "domestic-legal-person";

    /// <summary>境内其他组织 (branches, business offices, bases without legal personality).</summary>
    public const string DomesticOtherOrganisation = "domestic-other-organisation";

    /// <summary>境外主体 (foreign and regional airlines, foreign training or maintenance organisations…).</summary>
    public const string Foreign = "foreign";

    /// <summary>个人.</summary>
    public const string Individual = "individual";

    public static readonly string[] All = [DomesticLegalPerson, DomesticOtherOrganisation, Foreign, Individual];
}
