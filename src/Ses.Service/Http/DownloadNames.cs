namespace Ses.Service.Http;

/// <summary>
/// The file names a person sees when saving a download: the document's number (西北局信告字〔2026〕1号.pdf) or the form's
/// title, never an internal id. Sent as RFC 6266 <c>filename*</c> (UTF-8) with an ASCII fallback by ASP.NET Core.
/// </summary>
public static class DownloadNames
{
    public static string Document(string number, string extension) => Safe(number) + extension;

    public static string Certificate(string number) => Safe(number) + "-送达证明.pdf";

    public static string Receipt(string number, string? uploadedName) => Safe(number) + "-送达回证" + Path.GetExtension(uploadedName ?? "");

    public static string Draft(string title, string extension) => Safe(title) + "-样稿" + extension;

    /// <summary>Characters no file system takes in a name are replaced by 「_」.</summary>
    private static string Safe(string name) =>
        string.Concat(name.Select(c => c is '/' or '\\' or ':' or '*' or '?' or '"' or '<' or '>' or '|' || char.IsControl(c) ? '_' : c));
}
