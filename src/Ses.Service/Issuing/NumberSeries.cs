namespace Ses.Service.Issuing;

/// <summary>One numbering sequence: a bureau's series in an Asia/Shanghai year (GB/T 9704-2012 §7.2.5).</summary>
internal readonly record struct NumberSeries(string Bureau, string Series, int Year);
