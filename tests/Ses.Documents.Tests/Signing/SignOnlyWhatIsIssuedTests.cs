using System.Text;
using System.Text.Json.Nodes;
using DocumentFormat.OpenXml.Packaging;
using Ses.Documents.Rendering;
using Ses.Documents.Signing;
using Ses.Documents.Templates;
using Ses.Documents.Tests.Signing.Crypto;
using Ses.Documents.Tests.Support;

namespace Ses.Documents.Tests.Signing;

/// <summary>
/// The library's part of "the bureau's key signs only what is issued": drafts are unnumbered and marked 「样稿」 on every
/// page (PDF and DOCX) and never signed; a counterparty's form is never sealed; a key signs only for the bureau its
/// certificate names; bytes appended after the last %%EOF are a change after signing.
/// </summary>
public sealed class SignOnlyWhatIsIssuedTests(DevelopmentPki pki)
{
    private static readonly string[] Prefixes = ["西北局", "华东局"];

    private SignatureSettings Settings => new(pki.Set.Signing, pki.Tsa());

    private static RenderedDocument Render(string form, OutputFormat format = OutputFormat.Pdf, RenderOptions? options = null,
        Action<JsonObject>? change = null, string? bureau = null)
    {
        using var sample = TestEngine.Sample(form);
        using var data = change is null ? TestEngine.Sample(form) : TestEngine.With(sample, change);
        var (input, problems) = TestEngine.Engine.Validate(form, data.RootElement, bureau);
        Assert.True(input is not null, string.Join(" ", problems));
        return TestEngine.Engine.Render(input!, format, options);
    }

    private static List<string> PageTexts(byte[] pdf)
    {
        using var doc = UglyToad.PdfPig.PdfDocument.Open(pdf);
        return [.. doc.GetPages().Select(p => string.Concat(p.Letters.Select(l => l.Value)))];
    }

    [Fact]
    public void Draft_Pdf_IsUnnumberedAndMarkedOnEveryPage()
    {
        // A long statement of facts runs the notice onto a second page.
        var rendered = Render("notice-org", options: RenderOptions.Draft,
            change: d => d["actDescription"] = string.Concat(Enumerable.Repeat("在申请民用机场使用许可过程中，向我局提交了伪造的安全检查记录等虚假材料，", 30)));
        var pages = PageTexts(rendered.Content);
        Assert.True(pages.Count >= 2, $"{pages.Count} page(s)");
        Assert.All(pages, p => Assert.Contains("样稿", p));
        Assert.DoesNotContain("〔2026〕1号", string.Concat(pages));
        Assert.Contains("西北局信告字〔　〕号", pages[0]);
        Assert.Null(rendered.Document.Number);
        Assert.DoesNotContain("/ByteRange", Encoding.Latin1.GetString(rendered.Content));
    }

    [Fact]
    public void Final_Pdf_HasNoDraftMark()
    {
        var pages = PageTexts(Render("notice-org").Content);
        Assert.DoesNotContain("样稿", string.Concat(pages));
        Assert.Contains("西北局信告字〔2026〕1号", pages[0]);
    }

    [Fact]
    public void Draft_Pdf_PassesQpdfCheck() =>
        ExternalTool.AssertQpdfClean(Render("collection-org", options: RenderOptions.Draft).Content, "draft");

    [Fact]
    public void Draft_Docx_CarriesTheMarkInItsHeaderAndIsValid()
    {
        var rendered = Render("notice-org", OutputFormat.Docx, RenderOptions.Draft);
        using var doc = WordprocessingDocument.Open(new MemoryStream(rendered.Content), false);
        var header = Assert.Single(doc.MainDocumentPart!.HeaderParts);
        Assert.Contains("string=\"样稿\"", header.Header!.OuterXml);
        var section = doc.MainDocumentPart.Document!.Body!.Elements<DocumentFormat.OpenXml.Wordprocessing.SectionProperties>().Single();
        // Odd and even pages both carry the mark: two references to the one header.
        Assert.All(section.Elements<DocumentFormat.OpenXml.Wordprocessing.HeaderReference>(),
            r => Assert.Equal(doc.MainDocumentPart.GetIdOfPart(header), r.Id!.Value));
        Assert.Equal(2, section.Elements<DocumentFormat.OpenXml.Wordprocessing.HeaderReference>().Count());
        Assert.Empty(Docx.DocxTestSupport.ValidationErrors(doc));
        Assert.DoesNotContain("〔2026〕1号", doc.MainDocumentPart.Document.Body.InnerText);
    }

    [Fact]
    public void Final_Docx_HasNoHeader()
    {
        using var doc = WordprocessingDocument.Open(new MemoryStream(Render("notice-org", OutputFormat.Docx).Content), false);
        Assert.Empty(doc.MainDocumentPart!.HeaderParts);
    }

    [Fact]
    public void Sign_Draft_IsRefused()
    {
        var draft = Render("notice-org", options: RenderOptions.Draft);
        var error = Assert.Throws<SealRefusedException>(() => TestEngine.Engine.Sign(draft, Settings, pki.Time.GetUtcNow()));
        Assert.Equal(SealRefusedException.DraftCode, error.Code);
    }

    [Theory]
    [InlineData("ses-confirmation")]
    [InlineData("repair-application")]
    public void CounterpartyForms_AreMarkedAndNeverSealedByTheBureau(string form)
    {
        Assert.Equal(FormAuthor.Counterparty, TestEngine.Engine.Templates.FindForm(form)!.Author);
        var rendered = Render(form);
        var visible = Assert.Throws<SealRefusedException>(() => TestEngine.Engine.Sign(rendered, Settings, pki.Time.GetUtcNow()));
        Assert.Equal(SealRefusedException.CounterpartyCode, visible.Code);
        Assert.Throws<SealRefusedException>(() => TestEngine.Engine.Sign(rendered, Settings, pki.Time.GetUtcNow(), visible: false));
    }

    [Fact]
    public void BureauForms_AreBureauAuthored()
    {
        Assert.All(TestEngine.Engine.Templates.Forms.Where(f => f.Series is not null), f => Assert.Equal(FormAuthor.Bureau, f.Author));
    }

    [Fact]
    public void Sign_DocumentOfAnotherBureau_WithThisBureausKey_IsRefused()
    {
        var huadong = Render("notice-org", change: d => d["number"] = "华东局信告字〔2026〕1号", bureau: "huadong");
        var error = Assert.Throws<SealRefusedException>(() => TestEngine.Engine.Sign(huadong, Settings, pki.Time.GetUtcNow()));
        Assert.Equal(SealRefusedException.KeyMismatchCode, error.Code);
    }

    [Fact]
    public void Sign_DocumentOfAnotherBureau_WithItsOwnKeyFromTheSameRoot_Verifies()
    {
        var key = pki.Set.SigningFor("huadong", "民航华东地区管理局", pki.Time);
        var huadong = Render("notice-org", change: d => d["number"] = "华东局信告字〔2026〕1号", bureau: "huadong");
        var pdf = TestEngine.Engine.Sign(huadong, new SignatureSettings(key, pki.Tsa()), pki.Time.GetUtcNow());
        var report = PdfVerifier.Verify(pdf, [pki.Set.Root], Prefixes, pki.Time.GetUtcNow());
        Assert.True(report.AllValid, string.Join(" ", report.Signatures.SelectMany(s => s.Problems)));
        Assert.Contains("民航华东地区管理局", report.Signatures[0].Signer);
        Assert.DoesNotContain("西北", report.Signatures[0].Signer);
    }

    [Theory]
    [InlineData("appended by a careless tool")]
    [InlineData("% a comment\n1 0 obj\n<<>>\nendobj\n")]
    [InlineData("junk\n%%EOF\n")]
    public void Verify_BytesAfterTheLastEof_AreAChangeAfterSigning(string appended)
    {
        var signed = TestEngine.Engine.Sign(Render("notice-org"), Settings, pki.Time.GetUtcNow());
        Assert.True(PdfVerifier.Verify(signed, [pki.Set.Root], Prefixes, pki.Time.GetUtcNow()).AllValid);

        var report = PdfVerifier.Verify([.. signed, .. Encoding.Latin1.GetBytes(appended)], [pki.Set.Root], Prefixes, pki.Time.GetUtcNow());
        var s = Assert.Single(report.Signatures);
        Assert.True(s.ModifiedAfter);
        Assert.False(report.AllValid);
        Assert.False(report.IntegrityHolds);
        Assert.Contains("document.modified-after-signing", s.Problems);
    }

    [Fact]
    public void Verify_TrailingNewlineAfterEof_IsNoChange()
    {
        var signed = TestEngine.Engine.Sign(Render("notice-org"), Settings, pki.Time.GetUtcNow());
        var report = PdfVerifier.Verify([.. signed, .. "\r\n"u8.ToArray()], [pki.Set.Root], Prefixes, pki.Time.GetUtcNow());
        Assert.True(report.AllValid, string.Join(" ", report.Signatures.SelectMany(s => s.Problems)));
    }

    [Fact]
    public void Verify_UnknownRoot_IsIntactButNotTrusted()
    {
        var signed = TestEngine.Engine.Sign(Render("notice-org"), Settings, pki.Time.GetUtcNow());
        var report = PdfVerifier.Verify(signed, [pki.Unrelated.Root], Prefixes, pki.Time.GetUtcNow());
        Assert.True(report.IntegrityHolds, string.Join(" ", report.Signatures.SelectMany(s => s.Problems)));
        Assert.False(report.SignersTrusted);
        Assert.False(report.AllValid);
    }

    [Fact]
    public void OptionalLines_LeftEmpty_AreLeftOutOfPdfAndDocx()
    {
        // 华东局's profile has no address, postal code, contact or phone; the notice gives no contact either.
        void Change(JsonObject d)
        {
            d.Remove("number");
            d.Remove("contact");
            d.Remove("contactPhone");
        }
        var pdf = string.Concat(PageTexts(Render("notice-org", change: Change, bureau: "huadong").Content));
        Assert.DoesNotContain("联系电话", pdf);
        Assert.DoesNotContain("联系人", pdf);
        Assert.DoesNotContain("邮政编码", pdf);
        Assert.Contains("民航华东地区管理局", pdf);
        var rendered = Render("notice-org", OutputFormat.Docx, change: Change, bureau: "huadong");
        using var docx = WordprocessingDocument.Open(new MemoryStream(rendered.Content), false);
        Assert.DoesNotContain("联系电话", docx.MainDocumentPart!.Document!.Body!.InnerText);

        // Given, they are printed.
        var given = string.Concat(PageTexts(Render("notice-org", change: d => d.Remove("number"), bureau: "huadong").Content));
        Assert.Contains("联系电话：029-88888888", given);
    }
}
