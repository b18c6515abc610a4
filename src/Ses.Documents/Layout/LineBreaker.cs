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

    /// <summary>
    /// Breaks a title into as few lines as the width allows, balanced in length (GB/T 9704-2012 §7.3.1: 排列对称, 长短适宜),
    /// preferring the phrase boundaries of a title (after 「关于」, after 「的」, around brackets), never inside a Latin word,
    /// never starting a line with 「的」 or closing punctuation, never ending one with opening punctuation.
    /// </summary>
    public static List<string> BreakTitle(string text, double width, Func<Rune, double> measure)
    {
        var greedy = Break(text, width, width, measure);
        if (greedy.Count <= 1) return greedy;
        var runes = text.EnumerateRunes().ToList();
        var widths = runes.Select(measure).ToList();
        var em = widths.Count > 0 ? widths.Max() : 1;
        var n = runes.Count;
        var prefix = new double[n + 1];
        for (var i = 0; i < n; i++) prefix[i + 1] = prefix[i] + widths[i];
        for (var lines = greedy.Count; lines <= greedy.Count + 1; lines++)
        {
            // cost[k, i]: the best cost of setting runes[0..i) as k lines; from[k, i] the start of the k-th line.
            var cost = new double[lines + 1, n + 1];
            var from = new int[lines + 1, n + 1];
            for (var k = 0; k <= lines; k++) for (var i = 0; i <= n; i++) cost[k, i] = double.PositiveInfinity;
            cost[0, 0] = 0;
            for (var k = 1; k <= lines; k++)
            {
                for (var i = 1; i <= n; i++)
                {
                    if (i < n && !MayBreakTitleAt(runes, i)) continue;
                    for (var j = 0; j < i; j++)
                    {
                        if (double.IsPositiveInfinity(cost[k - 1, j])) continue;
                        var w = prefix[i] - prefix[j];
                        if (w > width + 0.01) continue;
                        var slack = (width - w) / em;
                        var c = cost[k - 1, j] + slack * slack - (i < n ? TitleBoundaryBonus(runes, i) : 0);
                        if (c < cost[k, i])
                        {
                            cost[k, i] = c;
                            from[k, i] = j;
                        }
                    }
                }
            }
            if (double.IsPositiveInfinity(cost[lines, n])) continue;
            var result = new List<string>();
            for (int k = lines, i = n; k > 0; i = from[k, i], k--)
            {
                result.Insert(0, string.Concat(runes.Skip(from[k, i]).Take(i - from[k, i]).Select(r => r.ToString())).Trim());
            }
            return result;
        }
        return greedy;
    }

    // A title may break between runes[i - 1] and runes[i] unless that splits a Latin word or number, starts a line with
    // 「的」 or closing punctuation, or ends one with opening punctuation.
    private static bool MayBreakTitleAt(List<Rune> runes, int i) =>
        !(IsWordChar(runes[i - 1]) && IsWordChar(runes[i])) && runes[i].Value != '的' &&
        !MayNotStartLine(runes[i]) && !MayNotEndLine(runes[i - 1]);

    // Where a title breaks best: after 「关于」 and after a 「的」 that closes a phrase, before an opening bracket and after a
    // closing one. The bonus is in squared ems of slack, so a much less balanced break still loses.
    private static double TitleBoundaryBonus(List<Rune> runes, int i)
    {
        if (i >= 2 && runes[i - 2].Value == '关' && runes[i - 1].Value == '于') return 12;
        if (runes[i - 1].Value == '的') return 12;
        if (MayNotEndLine(runes[i]) || MayNotStartLine(runes[i - 1])) return 8;
        return 0;
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
