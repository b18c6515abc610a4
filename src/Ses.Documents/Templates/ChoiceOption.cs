namespace Ses.Documents.Templates;

/// <summary>
/// One option of a choice field. <see cref="Texts"/> carries the wording the option puts into the form, referenced
/// from the template as <c>{{field.key}}</c> — e.g. the 一（三）年 validity of a decision follows from whether the
/// case falls under 实施办法第八条第一款第（三）项.
/// </summary>
public sealed record ChoiceOption(string Value, string Label, IReadOnlyDictionary<string, string> Texts);
