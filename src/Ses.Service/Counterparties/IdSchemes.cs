namespace Ses.Service.Counterparties;

/// <summary>The identifier schemes of 实施办法第五条 and how people read them, in one place for pages and certificates.</summary>
public static class IdSchemes
{
    public static readonly (string Value, string Label)[] Organisation =
        [("uscc", "统一社会信用代码"), ("airline", "航空公司两字代码"), ("licence", "许可证件号")];

    public static readonly (string Value, string Label)[] Person = [("id", "居民身份证号码"), ("passport", "护照号码")];

    public static readonly (string Value, string Label)[] All = [.. Organisation, .. Person];

    /// <summary>The Chinese name of a scheme (the scheme itself when unknown).</summary>
    public static string Label(string scheme) => All.FirstOrDefault(s => s.Value == scheme).Label ?? scheme;
}
