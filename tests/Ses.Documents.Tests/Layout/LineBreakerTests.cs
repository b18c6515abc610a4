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
}
