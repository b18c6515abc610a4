namespace Ses.Service.Issuing;

/// <summary>One numbering sequence: a bureau's series in an Asia/Shanghai year (rules.md, Numbers).</summary>
internal readonly record struct NumberSeries(string Bureau, string Series, int Year);
