namespace Ses.Documents.Validation;

/// <summary>One thing wrong with the input: the field path, a stable code for programs and a Chinese message for people.</summary>
/// <param name="Field">Field path, e.g. <c>persons[2].idNumber</c>; empty for the form as a whole.</param>
/// <param name="Code">Stable code, e.g. <c>field.uscc.checksum</c>.</param>
/// <param name="Message">Chinese message naming the field and the rule.</param>
public sealed record Problem(string Field, string Code, string Message)
{
    public override string ToString() => $"{Field}: {Code}: {Message}";
}
