using Ses.Service.Submissions;

namespace Ses.Service.Pages.Inbox;

/// <summary>The files chosen in a submission form, read for <see cref="Attachments"/> (the same checks as the API).</summary>
public static class InboxUploads
{
    /// <summary>The file types the forms offer to choose.</summary>
    public const string Accept = ".pdf,.jpg,.jpeg,.png,.docx,application/pdf,image/jpeg,image/png";

    public const string Hint = "PDF、JPEG、PNG 或 DOCX 文件，最多 5 个，每个不超过 5 MB，合计不超过 10 MB；文件内容须与文件名相符";

    /// <summary>The chosen files (an empty file input sends none); one over the limit is cut there and refused by size.</summary>
    public static async Task<List<UploadInput>> ReadAsync(IReadOnlyList<IFormFile> files, CancellationToken ct)
    {
        var list = new List<UploadInput>();
        foreach (var file in files.Where(f => f.Length > 0 || !string.IsNullOrEmpty(f.FileName)))
        {
            if (file.Length > Attachments.MaxFileBytes)
            {
                list.Add(new UploadInput(file.FileName, new byte[Attachments.MaxFileBytes + 1]));
                continue;
            }
            using var buffer = new MemoryStream();
            await file.CopyToAsync(buffer, ct);
            list.Add(new UploadInput(file.FileName, buffer.ToArray()));
        }
        return list;
    }

    /// <summary>The form's input a problem of the service belongs to: the text, else the file input.</summary>
    public static string Input(string field, string textInput) =>
        field.StartsWith("attachments", StringComparison.Ordinal) ? "Files" : textInput;
}
