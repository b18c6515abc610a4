using System.Text.Json;
using Ses.Documents.Certificates;
using Ses.Documents.Docx;
using Ses.Documents.Fonts;
using Ses.Documents.Layout;
using Ses.Documents.Pdf;
using Ses.Documents.Rendering;
using Ses.Documents.Signing;
using Ses.Documents.Signing.Crypto;
using Ses.Documents.Templates;
using Ses.Documents.Validation;

namespace Ses.Documents;

public enum OutputFormat
{
    Pdf,
    Docx,
}

/// <summary>What a render produced: the file and, for a PDF, where the seal goes.</summary>
public sealed record RenderedDocument(byte[] Content, OutputFormat Format, ResolvedDocument Document, SealPosition? Seal, int PageCount)
{
    /// <summary>The body's line pitch the layout chose (GB/T 9704-2012 §7.3.5: the grid's, or a little tighter), in points.</summary>
    public double LinePitch { get; init; }
}

/// <summary>
/// The documents engine: validates field values against a form's schema and renders the form as PDF or DOCX. Loaded
/// once from a templates folder and safe to share between threads.
/// </summary>
public sealed class DocumentEngine
{
    private readonly FontLibrary _fontLibrary;
    private readonly FontSet _fonts;
    private readonly Dictionary<FontSet, SubsetCache> _subsets;

    private DocumentEngine(TemplateLibrary templates)
    {
        Templates = templates;
        _fontLibrary = FontLibrary.Load(templates);
        _fonts = _fontLibrary.Default;
        _subsets = _fontLibrary.Sets.ToDictionary(set => set, set => new SubsetCache(set));
    }

    public TemplateLibrary Templates { get; }

    /// <summary>
    /// Font files a bureau profile names that could not be used (missing, or not a TrueType font), one message each;
    /// those roles are set in the shipped fonts. The service logs them at start and <c>ses render</c> prints them.
    /// </summary>
    public IReadOnlyList<string> FontWarnings => _fontLibrary.Warnings;

    public static DocumentEngine Load(string templatesRoot) => new(TemplateLibrary.Load(templatesRoot));

    /// <summary>Validates the data of a form; every problem is returned at once.</summary>
    public (FormInput? Input, IReadOnlyList<Problem> Problems) Validate(string formId, JsonElement data, string? bureauCode = null)
    {
        var form = Templates.FindForm(formId);
        if (form is null) return (null, [RuleMessages.Problem("form", "", ErrorCodes.FormUnknown, formId)]);
        return Validate(form, data, bureauCode);
    }

    private (FormInput? Input, IReadOnlyList<Problem> Problems) Validate(FormTemplate form, JsonElement data, string? bureauCode)
    {
        var bureau = bureauCode is null ? Templates.DefaultBureau : Templates.FindBureau(bureauCode);
        if (bureau is null) return (null, [RuleMessages.Problem("bureau", "", ErrorCodes.BureauUnknown, bureauCode!)]);
        var (input, problems) = FormValidator.Validate(form, bureau, data);
        if (input is null) return (null, problems);
        var glyphs = GlyphProblems(input);
        return glyphs.Count == 0 ? (input, []) : (null, glyphs);
    }

    /// <summary>Validates and renders; throws <see cref="FormValidationException"/> with every problem when the data is invalid.</summary>
    public RenderedDocument Render(string formId, JsonElement data, OutputFormat format, string? bureauCode = null)
    {
        var (input, problems) = Validate(formId, data, bureauCode);
        if (input is null) throw new FormValidationException(problems);
        return Render(input, format);
    }

    /// <summary>
    /// Renders validated values. With <see cref="RenderOptions.Draft"/> the document is unnumbered and marked 「样稿」 on
    /// every page (PDF and DOCX alike), and can never be signed.
    /// </summary>
    public RenderedDocument Render(FormInput input, OutputFormat format, RenderOptions? options = null)
    {
        var doc = DocumentResolver.Resolve(input, options);
        var fonts = FontsOf(input.Bureau);
        var layout = DocumentLayout.Lay(doc, fonts);
        if (format == OutputFormat.Docx)
        {
            // The DOCX is set on the pitch the PDF layout chose, so both break their pages at the same places.
            return new RenderedDocument(DocxRenderer.Render(doc, fonts, layout.LinePitch), format, doc, null, 0) { LinePitch = layout.LinePitch };
        }
        return new RenderedDocument(PdfRenderer.Render(input.Form, doc, layout, fonts, _subsets[fonts]), format, doc, layout.Seal, layout.Pages.Count)
        {
            LinePitch = layout.LinePitch,
        };
    }

    /// <summary>
    /// The DOCX of a document just rendered as PDF, from the same resolved document and on the same line pitch, without
    /// laying it out again: what issuing stores beside the signed PDF.
    /// </summary>
    public RenderedDocument DocxOf(RenderedDocument pdf)
    {
        if (pdf.Format != OutputFormat.Pdf) throw new ArgumentException("the DOCX is made from a rendered PDF's layout", nameof(pdf));
        var docx = DocxRenderer.Render(pdf.Document, FontsOf(pdf.Document.Bureau), pdf.LinePitch);
        return new RenderedDocument(docx, OutputFormat.Docx, pdf.Document, null, 0) { LinePitch = pdf.LinePitch };
    }

    /// <summary>
    /// Signs a rendered PDF (PAdES B-T) with the seal of the unit that issues it at the form's seal position, or
    /// invisibly: the sealing unit's (<see cref="ResolvedDocument.SealingUnit"/>: the collecting unit of a collection form,
    /// the department of a transfer slip) with that unit's key, else the bureau's with the bureau's key. Signing a signed
    /// PDF again adds a signature as an incremental update and leaves the earlier ones valid.
    /// </summary>
    /// <exception cref="SealRefusedException">The document is a draft, a form the counterparty writes and signs, or the
    /// key's certificate is not the sealing unit's (for a unit's form) or the bureau's own (for the bureau's).</exception>
    public byte[] Sign(RenderedDocument rendered, SignatureSettings settings, DateTimeOffset signingTime, bool visible = true, string reason = "发文")
    {
        if (rendered.Format != OutputFormat.Pdf) throw new ArgumentException("only a PDF can be signed", nameof(rendered));
        var doc = rendered.Document;
        if (doc.Watermark is not null) throw new SealRefusedException(SealRefusedException.DraftCode, "样稿不签名、不盖章");
        if (doc.Author == FormAuthor.Counterparty)
        {
            // A letter the counterparty writes carries the counterparty's seal and signature, never the bureau's.
            throw new SealRefusedException(SealRefusedException.CounterpartyCode, $"《{doc.Title}》由相对人出具并盖章，不能以本局名义签名或盖章");
        }
        var bureau = doc.Bureau;
        if (doc.SealingUnit is { } unit)
        {
            CheckKeyOf(doc, unit, settings);
            return DocumentSigner.Sign(rendered.Content, visible ? rendered.Seal : null, unit.SealText, unit.SealText, null, settings, signingTime,
                reason, _fonts.Body);
        }
        CheckKeyOf(bureau, settings);
        return DocumentSigner.Sign(rendered.Content, visible ? rendered.Seal : null, bureau.Name, bureau.SealText,
            string.IsNullOrEmpty(bureau.SealCity) ? null : bureau.SealCity, settings, signingTime, reason, _fonts.Body);
    }

    /// <summary>Adds an invisible signature of the bureau to an existing PDF (a counter-signature, or a document made elsewhere).</summary>
    /// <exception cref="SealRefusedException">The key's certificate is not the bureau's own.</exception>
    public byte[] Sign(byte[] pdf, BureauProfile bureau, SignatureSettings settings, DateTimeOffset signingTime, string reason)
    {
        CheckKeyOf(bureau, settings);
        return DocumentSigner.Sign(pdf, null, bureau.Name, bureau.SealText, null, settings, signingTime, reason, _fonts.Body);
    }

    /// <summary>
    /// A signature's seal, signer certificate and bureau always agree: the signature names the bureau, so the key's
    /// certificate must name it too (subject O or CN containing its name or seal text; 电子签名法第十三条), and be the
    /// bureau's own, not one of its units' (no OU): where the bureau seals, a department's key does not sign.
    /// </summary>
    private static void CheckKeyOf(BureauProfile bureau, SignatureSettings settings)
    {
        var certificate = settings.Key.Certificate;
        if (!SignerNames.Names(certificate, bureau.Name, bureau.SealText))
        {
            throw new SealRefusedException(SealRefusedException.KeyMismatchCode, $"签名密钥的证书不属于{bureau.Name}，不能以其名义签名或盖章");
        }
        if (SignerNames.Units(certificate) is [var ou, ..])
        {
            throw new SealRefusedException(SealRefusedException.BureauKeyRequiredCode,
                $"签名密钥的证书属于{ou}，本文书须以{bureau.Name}的名义盖章，应使用{bureau.Name}的签名密钥");
        }
    }

    /// <summary>
    /// A unit's seal is signed with the unit's own key: its certificate names the bureau and the unit (OU). The bureau's
    /// key or another unit's does not stand in for it (电子签名法第十三条).
    /// </summary>
    private static void CheckKeyOf(ResolvedDocument doc, SealingUnit unit, SignatureSettings settings)
    {
        var certificate = settings.Key.Certificate;
        if (SignerNames.NamesUnit(certificate, doc.Bureau, unit)) return;
        if (!SignerNames.Names(certificate, doc.Bureau.Name, doc.Bureau.SealText))
        {
            throw new SealRefusedException(SealRefusedException.KeyMismatchCode, $"签名密钥的证书不属于{doc.Bureau.Name}，不能以其名义签名或盖章");
        }
        throw new SealRefusedException(SealRefusedException.UnitKeyRequiredCode,
            $"《{doc.Title}》由{unit.Name}盖章，须使用{unit.Name}本单位的签名密钥；未提供该单位的签名密钥，不签名、不盖章");
    }

    /// <summary>
    /// Renders the delivery certificate (送达证明) as an unsigned PDF, with the wording of the internal form
    /// <c>templates/forms/delivery-certificate.json</c> and the bureau named by <see cref="DeliveryCertificateData.BureauCode"/>.
    /// Throws <see cref="FormValidationException"/> when a value breaks the template's schema (too long, a control
    /// character, a character no font has) or the bureau is unknown.
    /// </summary>
    public RenderedDocument RenderDeliveryCertificate(DeliveryCertificateData data)
    {
        var form = Templates.FindInternalForm(DeliveryCertificate.FormId)
            ?? throw new TemplateException(
                $"{Path.Combine(Templates.Root, "forms", DeliveryCertificate.FormId + ".json")}: missing or not marked \"internal\"");
        var (input, problems) = Validate(form, DeliveryCertificate.FieldValues(data), data.BureauCode);
        if (input is null) throw new FormValidationException(problems);
        return Render(input, OutputFormat.Pdf);
    }

    /// <summary>
    /// Renders the delivery certificate and signs it (PAdES B-T) with the bureau's seal over the signature block: the
    /// signed, timestamped PDF that <see cref="PdfVerifier"/> and <c>ses verify</c> accept.
    /// </summary>
    public byte[] RenderDeliveryCertificate(DeliveryCertificateData data, SignatureSettings settings, DateTimeOffset signingTime) =>
        Sign(RenderDeliveryCertificate(data), settings, signingTime, visible: true, reason: DeliveryCertificate.SigningReason);

    /// <summary>
    /// Renders an internal form (a document the system composes from its records, e.g. the receipt of a counterparty's
    /// submission) as an unsigned PDF from the values the code fills in, checked like any form's data. Throws
    /// <see cref="FormValidationException"/> when a value breaks the template's schema or the bureau is unknown.
    /// </summary>
    public RenderedDocument RenderInternal(string formId, JsonElement values, string bureauCode)
    {
        var form = Templates.FindInternalForm(formId)
            ?? throw new TemplateException($"{Path.Combine(Templates.Root, "forms", formId + ".json")}: missing or not marked \"internal\"");
        var (input, problems) = Validate(form, values, bureauCode);
        if (input is null) throw new FormValidationException(problems);
        return Render(input, OutputFormat.Pdf);
    }

    /// <summary>A character that no font has is an error naming it, never a blank box.</summary>
    private List<Problem> GlyphProblems(FormInput input)
    {
        var problems = new List<Problem>();
        Check(input.Form.Fields, input.Values, "");
        return problems;

        void Check(IReadOnlyList<FieldSpec> fields, IReadOnlyDictionary<string, FieldValue> values, string path)
        {
            foreach (var field in fields)
            {
                if (!values.TryGetValue(field.Name, out var value)) continue;
                if (value is RowsValue rows)
                {
                    for (var i = 0; i < rows.Rows.Count; i++) Check(field.Columns, rows.Rows[i], $"{path}{field.Name}[{i}].");
                    continue;
                }
                var missing = FontsOf(input.Bureau).Body.Missing(value.Display).Distinct().ToList();
                if (missing.Count > 0)
                {
                    var names = string.Join("、", missing.Select(r => $"「{r}」(U+{r.Value:X4})"));
                    problems.Add(RuleMessages.Problem(path + field.Name, field.Label, ErrorCodes.FieldGlyphMissing, names));
                }
            }
        }
    }

    /// <summary>The shipped fonts (those of a bureau that names none).</summary>
    internal FontSet Fonts => _fonts;

    /// <summary>The fonts a bureau's documents are set in: its profile's, the shipped ones behind them.</summary>
    internal FontSet FontsOf(BureauProfile bureau) => _fontLibrary.For(bureau);

    internal SubsetCache Subsets => _subsets[_fonts];
}
