using System.Text;

namespace Ses.Documents.Layout;

/// <summary>
/// Breaks text into lines: between any two Chinese characters, at spaces in Latin text, and never so that a line
/// starts with closing punctuation or ends with opening punctuation (GB/T 15834 and common 禁则 practice).
/// </summary>
internal static class LineBreaker
{
    private const string NoLineStart = "，。、；：？！）》」』〕】〉”’…·％,.;:?!)]}%〗︶︸";
    private const string NoLineEnd = "（《「『〔【〈“‘([{〖︵︷";

    public static bool MayNotStartLine(Rune r) => r.Value <= 0xFFFF && NoLineStart.Contains((char)r.Value, StringComparison.Ordinal);

    public static bool MayNotEndLine(Rune r) => r.Value <= 0xFFFF && NoLineEnd.Contains((char)r.Value, StringComparison.Ordinal);

    /// <summary>Breaks <paramref name="text"/> into lines no wider than the widths given (first line, then the rest).</summary>
    public static List<string> Break(string text, double firstWidth, double width, Func<Rune, double> measure)
    {
        var units = Units(text);
        var lines = new List<string>();
        var start = 0;
        var lineWidth = firstWidth;
        while (start < units.Count)
        {
            // Leading spaces of a continuation line are dropped.
            while (start < units.Count && lines.Count > 0 && units[start].IsSpace) start++;
            if (start >= units.Count) break;
            var used = 0.0;
            var end = start;
            while (end < units.Count)
            {
                var w = units[end].Width(measure);
                if (used + w > lineWidth + 0.01 && end > start) break;
                if (used + w > lineWidth + 0.01)
                {
                    // A single unit wider than the line (a long number): split it by characters.
                    var (head, tail) = units[end].SplitToFit(lineWidth, measure);
                    units[end] = tail;
                    units.Insert(end, head);
                    end++;
                    break;
                }
                used += w;
                end++;
            }
            if (end < units.Count) end = Adjust(units, start, end);
            lines.Add(string.Concat(units.Skip(start).Take(end - start).Select(u => u.Text)).TrimEnd());
            start = end;
            lineWidth = width;
        }
        if (lines.Count == 0) lines.Add("");
        return lines;
    }

    // Moves the break back while the next line would start with closing punctuation or this line end with opening.
    private static int Adjust(List<Unit> units, int start, int end)
    {
        var e = end;
        while (e - start > 1 && (units[e].StartsNoStart || units[e - 1].EndsNoEnd)) e--;
        return units[e].StartsNoStart || units[e - 1].EndsNoEnd ? end : e;
    }

    private static List<Unit> Units(string text)
    {
        var units = new List<Unit>();
        var word = new StringBuilder();
        foreach (var r in text.EnumerateRunes())
        {
            if (IsWordChar(r))
            {
                word.Append(r.ToString());
                continue;
            }
            Flush();
            units.Add(new Unit(r.ToString()));
        }
        Flush();
        return units;

        void Flush()
        {
            if (word.Length == 0) return;
            units.Add(new Unit(word.ToString()));
            word.Clear();
        }
    }

    // Latin letters, digits and the punctuation inside words and numbers stay together.
    private static bool IsWordChar(Rune r) =>
        r.Value < 0x2000 && !Rune.IsWhiteSpace(r) && r.Value != '(' && r.Value != ')' && r.Value != ',' && r.Value != ';';

    private sealed class Unit(string text)
    {
        public string Text { get; } = text;

        public bool IsSpace => Text.Length == 1 && char.IsWhiteSpace(Text[0]);

        public bool StartsNoStart => MayNotStartLine(Rune.GetRuneAt(Text, 0));

        public bool EndsNoEnd
        {
            get
            {
                var last = Text.EnumerateRunes().Last();
                return MayNotEndLine(last);
            }
        }

        public double Width(Func<Rune, double> measure)
        {
            var w = 0.0;
            foreach (var r in Text.EnumerateRunes()) w += measure(r);
            return w;
        }

        public (Unit Head, Unit Tail) SplitToFit(double width, Func<Rune, double> measure)
        {
            var used = 0.0;
            var at = 0;
            foreach (var r in Text.EnumerateRunes())
            {
                var w = measure(r);
                if (used + w > width + 0.01 && at > 0) break;
                used += w;
                at += r.Utf16SequenceLength;
            }
            return (new Unit(Text[..at]), new Unit(Text[at..]));
        }
    }
}
