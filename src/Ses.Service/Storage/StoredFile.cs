namespace Ses.Service.Storage;

/// <summary>
/// A file kept in the database (PostgreSQL, several instances): written in the transaction of the record that names it,
/// so every instance reads it and no file outlives a record that was never committed.
/// </summary>
public sealed class StoredFile
{
    /// <summary>SHA-256 of the content, lower-case hex: the name every record uses for the file.</summary>
    public required string Sha256 { get; init; }

    public required byte[] Content { get; init; }

    public long Length { get; init; }

    public DateTimeOffset StoredAt { get; init; }
}
