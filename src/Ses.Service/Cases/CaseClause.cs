namespace Ses.Service.Cases;

/// <summary>One item of 实施办法第八条第一款 that makes an act serious dishonesty, as an officer chooses it for a case.</summary>
/// <param name="Code">Stable code: <c>8-1-3</c> is item (三), <c>8-1-2-4</c> sub-item 4 of item (二).</param>
/// <param name="Label">How it is cited, e.g. 第八条第一款第（二）项第4目.</param>
/// <param name="Text">The statutory text, in Chinese.</param>
/// <param name="ValidityYears">The validity of the record it leads to (实施办法第十七条): 3 for item (三), else 1.</param>
public sealed record CaseClause(string Code, string Label, string Text, int ValidityYears);
