namespace Ses.Service.Cases;

/// <summary>The persons 实施办法第八条第三款 records together with an organisation.</summary>
public static class PersonRoles
{
    /// <summary>法定代表人.</summary>
    public const string LegalRepresentative = "legal-rep";

    /// <summary>主要负责人.</summary>
    public const string Principal = "principal";

    /// <summary>其他直接责任人员.</summary>
    public const string Responsible = "responsible";

    public static string Label(string role) => role switch
    {
        LegalRepresentative => "法定代表人",
        Principal => "主要负责人",
        Responsible => "其他直接责任人员",
        _ => role,
    };
}
