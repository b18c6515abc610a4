using System.Text;
using System.Text.RegularExpressions;
using Org.BouncyCastle.X509;
using Ses.Documents.Numbering;
using Ses.Documents.Signing.Crypto;
using Ses.Documents.Signing.Pdf;

namespace Ses.Documents.Signing;

/// <summary>
/// Verifies every signature of a PDF: the ByteRange and the bytes it covers, the CMS and its chain to the trust
/// anchors, the timestamp, and whether anything other than further signatures was added afterwards.
/// </summary>
public static partial class PdfVerifier
{
    /// <exception cref="InvalidDataException">The file is not a PDF or cannot be read.</exception>
    public static VerificationReport Verify(byte[] pdf, IReadOnlyList<X509Certificate> trustAnchors, IEnumerable<string> numberPrefixes, DateTimeOffset now)
    {
        try
        {
            return VerifyParsed(pdf, trustAnchors, numberPrefixes, now);
        }
        catch (Exception e) when (e is ArgumentException or IndexOutOfRangeException or FormatException or OverflowException or KeyNotFoundException)
        {
            // A damaged or foreign file whose structure our reader cannot follow: unreadable, said plainly.
            throw new InvalidDataException($"the PDF structure cannot be read ({e.GetType().Name}: {e.Message})", e);
        }
    }

    private static VerificationReport VerifyParsed(
        byte[] pdf, IReadOnlyList<X509Certificate> trustAnchors, IEnumerable<string> numberPrefixes, DateTimeOffset now)
    {
        var fields = PdfSignatureInspector.Inspect(pdf);
        var reports = new List<SignatureReport>();
        foreach (var field in fields)
        {
            var problems = new List<string>();
            if (field.RangeProblem is not null) problems.Add(field.RangeProblem);
            if (field.SubFilter != "ETSI.CAdES.detached") problems.Add("signature.subfilter");
            CadesVerification? cades = null;
            if (field.RangeProblem is null)
            {
                using var signed = new MemoryStream(field.SignedBytes, writable: false);
                cades = CadesVerifier.Verify(field.Cms, signed, trustAnchors, now);
                problems.AddRange(cades.Problems);
            }
            var modified = field.LaterChanges.Where(c => c != "signature-added").ToList();
            if (modified.Count > 0) problems.Add("document.modified-after-signing");
            reports.Add(new SignatureReport(
                field.Index,
                field.RangeProblem is null && cades is { DigestMatches: true, SignatureValid: true },
                modified.Count > 0,
                field.LaterChanges,
                cades?.SignerSubject ?? "",
                cades?.ChainValid ?? false,
                cades?.Timestamp is { TokenValid: true, ImprintMatches: true } t ? t.Time : null,
                cades?.Timestamp?.Authority,
                [.. problems.Distinct()]));
        }
        var info = InfoDictionary(pdf);
        var subject = info is null ? null : TextString(info, "Subject");
        var number = subject is null ? null : DocumentNumber.FindIn(subject, numberPrefixes)?.Format();
        return new VerificationReport(number, info is null ? null : TextString(info, "Title"), reports);
    }

    private static string? InfoDictionary(byte[] pdf)
    {
        var file = PdfFile.Parse(pdf);
        var info = PdfFile.Reference(file.Trailer, "Info");
        return info is null ? null : file.ObjectValue(info.Value);
    }

    // ISO 32000-1 §7.3.4.2: escapes in literal strings.
    private static string Unescape(string s)
    {
        var sb = new StringBuilder(s.Length);
        for (var i = 0; i < s.Length; i++)
        {
            if (s[i] != '\\' || i + 1 >= s.Length) { sb.Append(s[i]); continue; }
            var c = s[++i];
            if (c is >= '0' and <= '7')
            {
                var v = 0;
                var k = 0;
                for (; k < 3 && i < s.Length && s[i] is >= '0' and <= '7'; k++, i++) v = v * 8 + (s[i] - '0');
                i--;
                sb.Append((char)(v & 0xFF));
                continue;
            }
            sb.Append(c switch { 'n' => '\n', 'r' => '\r', 't' => '\t', 'b' => '\b', 'f' => '\f', _ => c });
        }
        return sb.ToString();
    }

    /// <summary>A text string value: literal (PDFDocEncoding, treated as Latin-1) or hex UTF-16BE with BOM.</summary>
    private static string? TextString(string dict, string key)
    {
        var hex = Regex.Match(dict, "/" + key + @"\s*<([0-9A-Fa-f\s]*)>");
        if (hex.Success)
        {
            var bytes = Convert.FromHexString(Regex.Replace(hex.Groups[1].Value, @"\s", ""));
            return bytes.Length >= 2 && bytes[0] == 0xFE && bytes[1] == 0xFF
                ? Encoding.BigEndianUnicode.GetString(bytes, 2, bytes.Length - 2)
                : Encoding.Latin1.GetString(bytes);
        }
        var lit = Regex.Match(dict, "/" + key + @"\s*\(((?:\\.|[^\\)])*)\)");
        if (!lit.Success) return null;
        var raw = Unescape(lit.Groups[1].Value);
        var latin = Encoding.Latin1.GetBytes(raw);
        return latin.Length >= 2 && latin[0] == 0xFE && latin[1] == 0xFF ? Encoding.BigEndianUnicode.GetString(latin, 2, latin.Length - 2) : raw;
    }
}
