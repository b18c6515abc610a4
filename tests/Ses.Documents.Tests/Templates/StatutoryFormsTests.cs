using System.Globalization;
using System.Text;
using Ses.Documents.Tests.Support;

namespace Ses.Documents.Tests.Templates;

/// <summary>
/// The template library holds every form of the 实施办法's attachments and the 确认函, each under its statutory title
/// and source; and every form it lists renders from its sample, whatever their number.
/// </summary>
public sealed class StatutoryFormsTests
{
    private const string Measures = "民航西北地区管理局行业信用管理实施办法";

    public static TheoryData<string, string, string> StatutoryForms() => new()
    {
        { "collection-org", "民航行业严重失信行为信息采集单（组织）", Measures + " 附件1" },
        { "collection-person", "民航行业严重失信行为信息采集单（个人）", Measures + " 附件2" },
        { "notice-org", "民航行业严重失信行为认定告知书（组织）", Measures + " 附件3" },
        { "notice-person", "民航行业严重失信行为认定告知书（个人）", Measures + " 附件4" },
        { "decision-org", "民航行业严重失信行为认定决定书（组织）", Measures + " 附件5" },
        { "decision-person", "民航行业严重失信行为认定决定书（个人）", Measures + " 附件6" },
        { "transfer-slip", "严重失信行为信息移送单", Measures + " 附件7" },
        { "repair-application", "民航行业严重失信行为修复申请书", Measures + " 附件8" },
        { "repair-refusal", "民航行业严重失信行为信息不予修复决定书", Measures + " 附件9" },
        { "repair-rejection", "民航行业严重失信行为修复不予受理决定书", Measures + " 附件10" },
        { "ses-confirmation", "关于使用民航行业监管执法信息系统（SES）的确认函", "关于开展民航行业监管执法信息系统（SES）相对人注册工作的通知 附件1" },
    };

    public static TheoryData<string> ListedForms() => [.. TestEngine.Engine.Templates.Forms.Select(f => f.Id)];

    [Theory]
    [MemberData(nameof(StatutoryForms))]
    public void Library_HasTheStatutoryForm_UnderItsTitleAndSource(string id, string title, string source)
    {
        var form = TestEngine.Engine.Templates.FindForm(id);
        Assert.NotNull(form);
        Assert.Equal(title, form.Title);
        Assert.Equal(source, form.Source);
    }

    [Fact]
    public void Library_HasEveryAttachmentOfTheImplementingMeasures_OnceEach()
    {
        var sources = TestEngine.Engine.Templates.Forms.Select(f => f.Source).Where(s => s.StartsWith(Measures, StringComparison.Ordinal)).ToList();
        Assert.Equal(Enumerable.Range(1, 10).Select(n => $"{Measures} 附件{n}"), sources.Order(Comparer<string>.Create(ByAttachment)));
    }

    [Theory]
    [MemberData(nameof(ListedForms))]
    public void EveryListedForm_RendersItsSampleToPdfAndDocx_WithItsTitle(string id)
    {
        var form = TestEngine.Engine.Templates.FindForm(id)!;
        using var sample = TestEngine.Sample(id);
        var pdf = TestEngine.Engine.Render(id, sample.RootElement, OutputFormat.Pdf);
        Assert.True(pdf.PageCount >= 1);
        Assert.StartsWith("%PDF-", Encoding.ASCII.GetString(pdf.Content, 0, 5), StringComparison.Ordinal);
        Assert.Equal((id, form.Title), (pdf.Document.FormId, pdf.Document.Title));
        var docx = TestEngine.Engine.Render(id, sample.RootElement, OutputFormat.Docx);
        Assert.Equal((byte)'P', docx.Content[0]);
        Assert.Equal((byte)'K', docx.Content[1]);
    }

    private static int ByAttachment(string a, string b) => Number(a).CompareTo(Number(b));

    private static int Number(string source) => int.Parse(source[(source.LastIndexOf('件') + 1)..], CultureInfo.InvariantCulture);
}
