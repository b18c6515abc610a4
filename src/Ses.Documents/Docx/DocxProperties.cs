using DocumentFormat.OpenXml.ExtendedProperties;
using DocumentFormat.OpenXml.Packaging;
using Ses.Documents.Pdf;
using Ses.Documents.Rendering;

namespace Ses.Documents.Docx;

/// <summary>Core and extended properties, as the PDF's document information: title, number, issuing body, form id.</summary>
internal static class DocxProperties
{
    public static void Set(WordprocessingDocument package, ResolvedDocument doc)
    {
        var core = package.PackageProperties;
        core.Title = doc.Title;
        if (doc.Number is not null) core.Subject = doc.Number;
        core.Creator = doc.Bureau.Name;
        core.Keywords = "ses-form:" + doc.FormId;
        core.Language = "zh-CN";

        var app = package.AddExtendedFilePropertiesPart();
        app.Properties = new Properties(new Application(PdfRenderer.Producer));
    }
}
