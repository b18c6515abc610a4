using System.Diagnostics;
using Ses.Documents;
using Ses.Documents.Signing.Crypto;
using Ses.Documents.Signing.Pdf;
namespace Ses.Bench;
internal static class SignStages
{
    public static void Run()
    {
        var engine = BenchData.Engine();
        using var sample = BenchData.Sample("notice-org");
        var rendered = engine.Render("notice-org", sample.RootElement, OutputFormat.Pdf);
        var dir = Directory.CreateTempSubdirectory("ses-bench-");
        var set = DevelopmentCertificates.Create(Path.Combine(dir.FullName, "d"), TimeProvider.System, "民航西北地区管理局");
        var tsa = set.CreateTsa(TimeProvider.System);
        var data = new byte[70000];
        double parse = 0, rsa = 0, token = 0, cms = 0, cmsNoTsa = 0; const int n = 300;
        for (var i = 0; i < n + 50; i++)
        {
            var sw = Stopwatch.StartNew();
            PdfFile.Parse(rendered.Content); var t0 = sw.Elapsed.TotalMilliseconds;
            set.Signing.Sign(data); var t1 = sw.Elapsed.TotalMilliseconds;
            tsa.GetTimestampToken(new byte[32]); var t2 = sw.Elapsed.TotalMilliseconds;
            CadesSigner.CreateDetachedSignature(new MemoryStream(data), set.Signing, tsa); var t3 = sw.Elapsed.TotalMilliseconds;
            CadesSigner.CreateDetachedSignature(new MemoryStream(data), set.Signing, null); var t4 = sw.Elapsed.TotalMilliseconds;
            if (i >= 50) { parse += t0; rsa += t1 - t0; token += t2 - t1; cms += t3 - t2; cmsNoTsa += t4 - t3; }
        }
        Console.WriteLine($"parse {parse / n:F3} rsa-sign {rsa / n:F3} tsa-token {token / n:F3} cades+tsa {cms / n:F3} cades-no-tsa {cmsNoTsa / n:F3}");
        dir.Delete(true);
    }
}
