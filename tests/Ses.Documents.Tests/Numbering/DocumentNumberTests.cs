using Ses.Documents.Numbering;

namespace Ses.Documents.Tests.Numbering;

public sealed class DocumentNumberTests
{
    [Theory]
    [InlineData("西北局", "信告", 2026, 1, "西北局信告字〔2026〕1号")]
    [InlineData("华东局", "信不决", 2025, 12, "华东局信不决字〔2025〕12号")]
    [InlineData("新疆局", "信不受", 2026, 100, "新疆局信不受字〔2026〕100号")]
    public void Format_UsesTortoiseShellBracketsAndNoLeadingZero(string prefix, string series, int year, int n, string expected)
    {
        var text = new DocumentNumber(prefix, series, year, n).Format();
        Assert.Equal(expected, text);
        Assert.Contains('\u3014', text);
        Assert.Contains('\u3015', text);
    }

    [Fact]
    public void Blank_ShowsTheEmptyBracketsOfTheForm() =>
        Assert.Equal("西北局信告字〔\u3000〕号", DocumentNumber.Blank("西北局", "信告"));

    [Theory]
    [InlineData(0)]
    [InlineData(-3)]
    public void Format_SequenceBelowOne_Throws(int n) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new DocumentNumber("西北局", "信告", 2026, n).Format());

    [Theory]
    [InlineData("西北局信告字〔2026〕1号", true)]
    [InlineData("西北局信告字〔2026〕01号", false)]
    [InlineData("西北局信告字[2026]1号", false)]
    [InlineData("西北局信告字〔26〕1号", false)]
    [InlineData("西北局信告字〔2026〕第1号", false)]
    public void TryParse_AcceptsOnlyTheStatutoryShape(string text, bool ok)
    {
        Assert.Equal(ok, DocumentNumber.TryParse(text, out var n));
        if (ok) Assert.Equal(text, n!.Format());
    }

    [Fact]
    public void FindIn_TextBeforeTheNumber_IsNotTakenAsPrefix()
    {
        var n = DocumentNumber.FindIn("特此告知西北局信决字〔2026〕3号的决定", ["华北局", "西北局"]);
        Assert.Equal(new DocumentNumber("西北局", "信决", 2026, 3), n);
    }
}
