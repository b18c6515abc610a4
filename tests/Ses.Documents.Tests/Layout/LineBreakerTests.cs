using System.Text;
using Ses.Documents.Layout;

namespace Ses.Documents.Tests.Layout;

public sealed class LineBreakerTests
{
    private static double Width(Rune r) => r.Value < 0x2000 ? 8 : 16;

    [Fact]
    public void Break_ClosingPunctuationNeverStartsALine()
    {
        // Four cells a line; the comma would start line two, so the character before it moves down with it.
        var lines = LineBreaker.Break("一二三四，五六七八。", 64, 64, Width);
        Assert.All(lines, l => Assert.False(LineBreaker.MayNotStartLine(Rune.GetRuneAt(l, 0)), $"line starts with '{l[0]}'"));
        Assert.Equal("一二三四，五六七八。", string.Concat(lines));
        Assert.Equal("一二三", lines[0]);
    }

    [Fact]
    public void Break_OpeningPunctuationNeverEndsALine()
    {
        var lines = LineBreaker.Break("一二三《四五》六七", 64, 64, Width);
        Assert.All(lines, l => Assert.False(LineBreaker.MayNotEndLine(l.EnumerateRunes().Last()), $"line ends with '{l[^1]}'"));
        Assert.Equal("一二三《四五》六七", string.Concat(lines));
    }

    [Fact]
    public void Break_LatinWordsStayWholeAndSpacesGo()
    {
        var lines = LineBreaker.Break("The delivery date shall be", 80, 80, Width);
        Assert.Equal(["The", "delivery", "date shall", "be"], lines);
    }

    [Fact]
    public void Break_FirstLineIndent_GivesTheFirstLineLessRoom()
    {
        var lines = LineBreaker.Break("一二三四五六七八", 32, 64, Width);
        Assert.Equal(["一二", "三四五六", "七八"], lines);
    }

    [Fact]
    public void Break_SupplementaryCharacters_AreNotSplit()
    {
        var lines = LineBreaker.Break("𠮷𠮷𠮷", 32, 32, Width);
        Assert.Equal(["𠮷𠮷", "𠮷"], lines);
    }

    [Fact]
    public void Break_HexDigestWiderThanTheLine_MovesToItsOwnLinesAndIsSplitByCharacters()
    {
        // A SHA-256 value is one 64-character word: after a label it starts a new line, then fills whole lines.
        var hash = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
        var lines = LineBreaker.Break("记录哈希：" + hash, 100, 100, Width);
        Assert.Equal("记录哈希：", lines[0]);
        Assert.Equal(hash, string.Concat(lines.Skip(1)));
        Assert.All(lines, l => Assert.True(l.EnumerateRunes().Sum(Width) <= 100, $"'{l}' is wider than the line"));
        Assert.All(lines.Skip(1).SkipLast(1), l => Assert.Equal(12, l.Length));
    }

    [Fact]
    public void Break_HexDigestInAWideLine_StaysWhole()
    {
        var hash = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
        Assert.Equal(["哈希：", hash], LineBreaker.Break("哈希：" + hash, 520, 520, Width));
        Assert.Equal(["哈希：" + hash], LineBreaker.Break("哈希：" + hash, 560, 560, Width));
    }
}
