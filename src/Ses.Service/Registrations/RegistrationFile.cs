namespace Ses.Service.Registrations;

/// <summary>
/// A scan uploaded with a registration, kept in the file store by its SHA-256. An amendment that uploads the same kind again
/// supersedes the earlier file; neither is deleted.
/// </summary>
public sealed class RegistrationFile
{
    public Guid Id { get; init; }

    public Guid RegistrationId { get; init; }

    /// <summary>One of <see cref="RegistrationFileKind"/>.</summary>
    public required string Kind { get; init; }

    public required string FileName { get; init; }

    public required string ContentType { get; init; }

    public long FileSize { get; init; }

    public required string FileSha256 { get; init; }

    public DateTimeOffset UploadedAt { get; init; }

    /// <summary>Set when a newer file of the same kind was uploaded.</summary>
    public DateTimeOffset? SupersededAt { get; set; }
}
