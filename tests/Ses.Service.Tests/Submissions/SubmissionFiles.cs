namespace Ses.Service.Tests.Submissions;

/// <summary>Small files of each kind, as an account uploads them.</summary>
internal static class SubmissionFiles
{
    public static readonly byte[] Pdf = "%PDF-1.7\n% 陈述和申辩材料\n"u8.ToArray();

    public static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D];

    public static object File(string name, byte[] content) => new { name, base64 = Convert.ToBase64String(content) };
}
