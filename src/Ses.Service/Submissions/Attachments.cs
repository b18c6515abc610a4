using System.IO.Compression;
using System.Security.Cryptography;
using Ses.Documents.Validation;

namespace Ses.Service.Submissions;

/// <summary>A file as uploaded (its name and bytes), before the checks.</summary>
public sealed record UploadInput(string? Name, byte[]? Content);

/// <summary>A file that passed the checks: its name, content, type found by content, and SHA-256 (hex).</summary>
public sealed record UploadedFile(string Name, byte[] Content, string ContentType, string Sha256);

/// <summary>
/// The files a counterparty attaches to a submission: at most <see cref="MaxCount"/>, each at most
/// <see cref="MaxFileBytes"/>, together at most <see cref="MaxTotalBytes"/>; PDF, JPEG, PNG or DOCX, the type read from
/// the content and matching the name's extension — a file whose content is not what its name says is refused, named.
/// </summary>
public static class Attachments
{
    public const int MaxCount = 5;

    public const int MaxFileBytes = 5 * 1024 * 1024;

    public const int MaxTotalBytes = 10 * 1024 * 1024;

    public const int NameLength = 100;

    /// <summary>The extensions taken, with the type their content must have.</summary>
    private static readonly Dictionary<string, (string Type, string Label)> Types = new(StringComparer.OrdinalIgnoreCase)
    {
        [".pdf"] = ("application/pdf", "PDF"),
        [".jpg"] = ("image/jpeg", "JPEG"),
        [".jpeg"] = ("image/jpeg", "JPEG"),
        [".png"] = ("image/png", "PNG"),
        [".docx"] = ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "DOCX"),
    };

    /// <summary>The files of an API request, decoded from base64; a value that is not base64 is a problem naming it.</summary>
    public static List<UploadInput> Decode(IReadOnlyList<AttachmentInput?>? inputs, List<Problem> problems)
    {
        var list = new List<UploadInput>();
        if (inputs is null) return list;
        for (var i = 0; i < inputs.Count; i++)
        {
            var input = inputs[i];
            byte[]? bytes = null;
            if (!string.IsNullOrEmpty(input?.Base64))
            {
                try
                {
                    bytes = Convert.FromBase64String(input.Base64);
                }
                catch (FormatException)
                {
                    problems.Add(new($"attachments[{i}].base64", ErrorCodes.FieldBase64, $"{Shown(input.Name, i)}应为 base64 编码的文件内容"));
                    continue;
                }
            }
            list.Add(new UploadInput(input?.Name, bytes));
        }
        return list;
    }

    /// <summary>Checks the files; every problem names the file (「附件 2」 when it has no name).</summary>
    public static List<UploadedFile> Check(IReadOnlyList<UploadInput> inputs, List<Problem> problems)
    {
        var files = new List<UploadedFile>();
        if (inputs.Count > MaxCount)
        {
            problems.Add(new("attachments", ErrorCodes.SubmissionFileCount, $"附件最多 {MaxCount} 个，现有 {inputs.Count} 个"));
            return files;
        }
        long total = 0;
        for (var i = 0; i < inputs.Count; i++)
        {
            var (name, content) = (inputs[i].Name?.Trim(), inputs[i].Content);
            var shown = Shown(name, i);
            if (string.IsNullOrEmpty(name))
            {
                problems.Add(new($"attachments[{i}].name", ErrorCodes.FieldRequired, $"{shown}必须有文件名"));
                continue;
            }
            if (name.Length > NameLength || name.Any(c => char.IsControl(c) || c is '/' or '\\'))
            {
                problems.Add(new($"attachments[{i}].name", ErrorCodes.SubmissionFileName, $"附件「{Cut(name)}」的文件名应在 {NameLength} 个字符以内，不含路径或控制字符"));
                continue;
            }
            if (content is null || content.Length == 0)
            {
                problems.Add(new($"attachments[{i}].base64", ErrorCodes.SubmissionFileEmpty, $"附件「{name}」是空文件"));
                continue;
            }
            total += content.Length;
            if (content.Length > MaxFileBytes)
            {
                problems.Add(new($"attachments[{i}].base64", ErrorCodes.SubmissionFileSize,
                    $"附件「{name}」超过 {MaxFileBytes / 1024 / 1024} MB（{content.Length / 1024} KB）"));
                continue;
            }
            if (!Types.TryGetValue(Path.GetExtension(name), out var expected))
            {
                problems.Add(new($"attachments[{i}].name", ErrorCodes.SubmissionFileType, $"附件「{name}」的类型不被接受：只接受 PDF、JPEG、PNG 或 DOCX 文件"));
                continue;
            }
            var found = Sniff(content);
            if (found != expected.Type)
            {
                problems.Add(new($"attachments[{i}].base64", ErrorCodes.SubmissionFileContent,
                    $"附件「{name}」的内容不是 {expected.Label} 文件，与文件名不符{(Label(found) is { } l ? $"（实为 {l} 文件）" : "")}，请检查后重新上传"));
                continue;
            }
            files.Add(new UploadedFile(name, content, found, Convert.ToHexStringLower(SHA256.HashData(content))));
        }
        if (total > MaxTotalBytes)
        {
            problems.Add(new("attachments", ErrorCodes.SubmissionFileTotal, $"附件合计不能超过 {MaxTotalBytes / 1024 / 1024} MB（现为 {total / 1024} KB）"));
        }
        return files;
    }

    /// <summary>The type of a file by its content: PDF, JPEG, PNG, or DOCX (a ZIP package with a Word main part); else null.</summary>
    public static string? Sniff(byte[] b)
    {
        var s = b.AsSpan();
        if (s.StartsWith("%PDF-"u8)) return Types[".pdf"].Type;
        if (s.StartsWith(new byte[] { 0xFF, 0xD8, 0xFF })) return Types[".jpg"].Type;
        if (s.StartsWith(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A })) return Types[".png"].Type;
        if (s.StartsWith("PK\u0003\u0004"u8) && IsWordPackage(b)) return Types[".docx"].Type;
        return null;
    }

    private static bool IsWordPackage(byte[] b)
    {
        try
        {
            using var zip = new ZipArchive(new MemoryStream(b, writable: false), ZipArchiveMode.Read);
            return zip.GetEntry("[Content_Types].xml") is not null && zip.GetEntry("word/document.xml") is not null;
        }
        catch (InvalidDataException)
        {
            return false;
        }
    }

    private static string? Label(string? type) => type is null ? null : Types.Values.First(t => t.Type == type).Label;

    private static string Shown(string? name, int index) => string.IsNullOrWhiteSpace(name) ? $"第 {index + 1} 个附件" : $"附件「{Cut(name.Trim())}」";

    private static string Cut(string name) => name.Length > 40 ? name[..40] + "…" : name;
}
