using System.Security.Cryptography;

namespace Ses.Service.Cases;

/// <summary>
/// One file of a case file (案卷) as the table of contents lists it: its title, the number of the document (none for
/// a file kept with the case), its date, the name it has in the ZIP and its bytes as stored.
/// </summary>
public sealed record CaseFileItem(string Title, string? Number, DateOnly Date, string FileName, byte[] Content)
{
    /// <summary>SHA-256 (hex) of <see cref="Content"/>.</summary>
    public string Sha256 { get; } = Convert.ToHexStringLower(SHA256.HashData(Content));
}
