using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Ses.Service.Issuing;
using Ses.Service.Storage;

namespace Ses.Service.Tests;

/// <summary>What a test service stored for issued documents: the numbers a stored PDF prints, the files under its folder.</summary>
internal static partial class IssuedFiles
{
    [GeneratedRegex(@"西北局信告字〔\d{4}〕\d+号")]
    private static partial Regex NoticeNumber();

    /// <summary>Every distinct notice number the document's stored PDF prints, read back from its text.</summary>
    public static async Task<List<string>> NumbersInPdfAsync(IServiceProvider services, IssuedDocument document)
    {
        var pdf = await services.GetRequiredService<IFileStore>().GetAsync(document.PdfSha256, TestContext.Current.CancellationToken);
        Assert.True(pdf is not null, $"the PDF of {document.Number} is not in the file store");
        using var read = UglyToad.PdfPig.PdfDocument.Open(pdf);
        var text = string.Concat(read.GetPages().SelectMany(p => p.Letters).Select(l => l.Value));
        return NoticeNumber().Matches(text).Select(m => m.Value).Distinct().ToList();
    }

    /// <summary>
    /// The SHA-256 of every file stored under <paramref name="folder"/> (the test factory's <c>files</c>); anything
    /// else left there, such as a temporary file, by its whole name.
    /// </summary>
    public static List<string> Stored(string folder)
    {
        var files = Path.Combine(folder, "files");
        return Directory.Exists(files)
            ? Directory.EnumerateFiles(files, "*", SearchOption.AllDirectories).Select(f => Path.GetFileName(f))
                .Select(n => n.EndsWith(".bin", StringComparison.Ordinal) ? n[..^4] : n).Order(StringComparer.Ordinal).ToList()
            : [];
    }
}
