using System.Globalization;
using System.Text;
using Ses.Documents.Signing.Pdf;

namespace Ses.Documents.Tests.Signing;

/// <summary>
/// Reading a PDF's objects (<see cref="PdfFile"/>) decodes only the parts it reads; a dictionary whose strings hold
/// the keywords the windows are cut at is still read whole, and a broken one is refused by name.
/// </summary>
public sealed class PdfFileTests
{
    // A one-page PDF with classic cross-reference table; object 4 is the information dictionary.
    private static byte[] Pdf(string info)
    {
        var objects = new[]
        {
            "<</Type/Catalog/Pages 2 0 R>>", "<</Type/Pages/Kids[3 0 R]/Count 1>>", "<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>", info,
        };
        var text = new StringBuilder("%PDF-1.7\n");
        var offsets = new List<int>();
        for (var i = 0; i < objects.Length; i++)
        {
            offsets.Add(text.Length);
            text.Append(CultureInfo.InvariantCulture, $"{i + 1} 0 obj\n{objects[i]}\nendobj\n");
        }
        var xref = text.Length;
        text.Append(CultureInfo.InvariantCulture, $"xref\n0 {objects.Length + 1}\n0000000000 65535 f \n");
        foreach (var o in offsets) text.Append(CultureInfo.InvariantCulture, $"{o:D10} 00000 n \n");
        text.Append(CultureInfo.InvariantCulture, $"trailer\n<</Size {objects.Length + 1}/Root 1 0 R/Info 4 0 R>>\nstartxref\n{xref}\n%%EOF\n");
        return Encoding.Latin1.GetBytes(text.ToString());
    }

    [Fact]
    public void ADictionaryWhoseStringsSayEndobj_IsReadWhole()
    {
        var info = "<</Title(a title that says endobj and stream)/Subject(西北局信告字〔2026〕1号)>>";
        var file = PdfFile.Parse(Pdf(info));

        Assert.Equal(Encoding.Latin1.GetString(Encoding.Latin1.GetBytes(info)), file.ObjectValue(4));
        Assert.Equal([3], file.Pages());
        Assert.Equal(5, file.Size);
        Assert.Equal(0, file.SignatureFields());
    }

    [Fact]
    public void AnUnterminatedDictionary_IsRefusedWithItsOffset()
    {
        var file = PdfFile.Parse(Pdf("<</Title(never closed>>"));

        var refused = Assert.Throws<InvalidDataException>(() => file.ObjectValue(4));
        Assert.StartsWith("unterminated dictionary at offset ", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SignatureFields_AreCountedOnTheBytes_NotOtherFieldTypes()
    {
        var file = PdfFile.Parse(Pdf("<</Fields[<</FT/Sig/T(a)>> <</FT /Sig>> <</FT/Tx>> <</FT/Signature>>]>>"));

        Assert.Equal(2, file.SignatureFields());
    }
}
