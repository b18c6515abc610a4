namespace Ses.Service.Submissions;

/// <summary>What a counterparty submits online.</summary>
public static class SubmissionKinds
{
    /// <summary>A statement and defence against a served notice (实施办法第十三条).</summary>
    public const string Statement = "statement";

    /// <summary>A repair application (附件8, 实施办法第十八条).</summary>
    public const string Repair = "repair";

    public static string Label(string kind) => kind == Statement ? "陈述和申辩" : "信用修复申请";
}
