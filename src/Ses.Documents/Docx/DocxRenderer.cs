using Ses.Documents.Fonts;
using Ses.Documents.Rendering;

namespace Ses.Documents.Docx;

/// <summary>Renders a resolved document as an editable DOCX (placeholder until the DOCX renderer lands).</summary>
internal static class DocxRenderer
{
    public static byte[] Render(ResolvedDocument doc, FontSet fonts) =>
        throw new NotSupportedException($"DOCX output of {doc.FormId} is not built yet ({fonts.Body.Primary.FamilyName})");
}
