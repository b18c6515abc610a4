using System.Diagnostics;
using System.Globalization;
using Ses.Documents;
using Ses.Documents.Layout;
using Ses.Documents.Pdf;
using Ses.Documents.Rendering;

namespace Ses.Bench;

/// <summary>Where a form's PDF time goes, stage by stage (after a long warm-up; indicative only).</summary>
internal static class Stages
{
    public static void Run(string form)
    {
        var engine = BenchData.Engine();
        using var sample = BenchData.Sample(form);
        var input = engine.Validate(form, sample.RootElement).Input!;
        const int warmup = 500, n = 500;
        var totals = new double[5];
        for (var i = 0; i < warmup + n; i++)
        {
            var sw = Stopwatch.StartNew();
            engine.Validate(form, sample.RootElement);
            var t0 = sw.Elapsed.TotalMilliseconds;
            var doc = DocumentResolver.Resolve(input);
            var t1 = sw.Elapsed.TotalMilliseconds;
            var layout = DocumentLayout.Lay(doc, engine.Fonts);
            var t2 = sw.Elapsed.TotalMilliseconds;
            var subsets = DocumentFonts.For(input.Form, doc.Bureau, layout, engine.Fonts, engine.Subsets);
            var t3 = sw.Elapsed.TotalMilliseconds;
            PdfRenderer.Write(doc, layout, engine.Fonts, subsets);
            var t4 = sw.Elapsed.TotalMilliseconds;
            if (i < warmup) continue;
            totals[0] += t0;
            totals[1] += t1 - t0;
            totals[2] += t2 - t1;
            totals[3] += t3 - t2;
            totals[4] += t4 - t3;
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"validate {totals[0] / n:F2} ms, resolve {totals[1] / n:F2} ms, layout {totals[2] / n:F2} ms, font subsets {totals[3] / n:F2} ms, "
            + $"writing (fonts and pages compressed, PDFsharp) {totals[4] / n:F2} ms"));
    }

    /// <summary>Renders the one-page notice to PDF <paramref name="count"/> times, after one render to load everything.</summary>
    public static void Renders(int count)
    {
        var engine = BenchData.Engine();
        using var sample = BenchData.Sample("notice-org");
        var size = engine.Render("notice-org", sample.RootElement, OutputFormat.Pdf).Content.Length;
        for (var i = 0; i < count; i++) engine.Render("notice-org", sample.RootElement, OutputFormat.Pdf);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{count} renders of {size} bytes"));
    }

    /// <summary>
    /// What issuing the one-page notice costs in the library, step by step: the PDF, its signature with the timestamp,
    /// and the DOCX (after a long warm-up; indicative only, use instruction counts when the machine is busy).
    /// </summary>
    public static void Issue(int count)
    {
        var engine = BenchData.Engine();
        using var sample = BenchData.Sample("notice-org");
        var certs = Directory.CreateTempSubdirectory("ses-bench-certs-");
        try
        {
            var settings = BenchData.Signing(engine, certs);
            var input = engine.Validate("notice-org", sample.RootElement).Input!;
            var totals = new double[3];
            var allocated = new long[3];
            var renderAndSign = new double[count]; // the issue's target is the median of these

            long pdfBytes = 0, docxBytes = 0;
            for (var i = 0; i < 2 * count; i++)
            {
                var a0 = GC.GetAllocatedBytesForCurrentThread();
                var sw = Stopwatch.StartNew();
                var pdf = engine.Render(input, OutputFormat.Pdf);
                var t0 = sw.Elapsed.TotalMilliseconds;
                var a1 = GC.GetAllocatedBytesForCurrentThread();
                var signed = engine.Sign(pdf, settings, DateTimeOffset.UtcNow);
                var t1 = sw.Elapsed.TotalMilliseconds;
                var a2 = GC.GetAllocatedBytesForCurrentThread();
                var docx = engine.DocxOf(pdf); // as issuing does: from the PDF's rendering, not laid out again
                var t2 = sw.Elapsed.TotalMilliseconds;
                var a3 = GC.GetAllocatedBytesForCurrentThread();
                if (i < count) continue;
                totals[0] += t0;
                totals[1] += t1 - t0;
                totals[2] += t2 - t1;
                renderAndSign[i - count] = t1;
                allocated[0] += a1 - a0;
                allocated[1] += a2 - a1;
                allocated[2] += a3 - a2;
                pdfBytes = signed.Length;
                docxBytes = docx.Content.Length;
            }
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"PDF {totals[0] / count:F3} ms, sign with timestamp {totals[1] / count:F3} ms, DOCX {totals[2] / count:F3} ms "
                + $"(signed PDF {pdfBytes} bytes, DOCX {docxBytes} bytes); allocated a document (this thread): PDF {allocated[0] / count / 1024} KB, "
                + $"signing {allocated[1] / count / 1024} KB, DOCX {allocated[2] / count / 1024} KB"));
            Array.Sort(renderAndSign);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"render + sign with timestamp: median {renderAndSign[count / 2]:F3} ms, 90th percentile {renderAndSign[count * 9 / 10]:F3} ms"));
        }
        finally { certs.Delete(recursive: true); }
    }
}
