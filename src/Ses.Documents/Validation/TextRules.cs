namespace Ses.Documents.Validation;

/// <summary>
/// The characters a document may carry, checked when text is entered with the rules the renderer applies later: no
/// lone surrogate, no control character (a line break only where lines are allowed), no bidirectional override and no
/// zero-width character — each would print as nothing or as something other than what was stored.
/// </summary>
public static class TextRules
{
    /// <summary>The code of the first rule the text breaks (<c>field.surrogate</c>, <c>field.control-char</c>, <c>field.bidi</c>,
    /// <c>field.zero-width</c>), or null.</summary>
    public static string? Check(string text, bool lineBreaks = true)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
                continue;
            }
            if (char.IsSurrogate(c)) return ErrorCodes.FieldSurrogate;
            if (c == '\n' && lineBreaks) continue;
            if (char.IsControl(c)) return ErrorCodes.FieldControlChar;
            if (IsBidi(c)) return ErrorCodes.FieldBidi;
            if (IsZeroWidth(c)) return ErrorCodes.FieldZeroWidth;
        }
        return null;
    }

    /// <summary>The problem of a text, naming the field by its label; null when the text may be stored.</summary>
    public static Problem? Problem(string field, string label, string text, bool lineBreaks = true) =>
        Check(text, lineBreaks) is { } code ? RuleMessages.Problem(field, label, code) : null;

    /// <summary>Embedding, override and isolate controls (U+202A–U+202E, U+2066–U+2069) and the direction marks.</summary>
    private static bool IsBidi(char c) => c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069' or '\u200E' or '\u200F' or '\u061C';

    /// <summary>Zero-width space, non-joiner, joiner (U+200B–U+200D), word joiner (U+2060) and the byte-order mark (U+FEFF).</summary>
    private static bool IsZeroWidth(char c) => c is >= '\u200B' and <= '\u200D' or '\u2060' or '\uFEFF';
}
