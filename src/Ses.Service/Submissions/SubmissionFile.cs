namespace Ses.Service.Submissions;

/// <summary>One file of a submission: its name as uploaded, size, type found by its content, SHA-256 in the file store.</summary>
public sealed class SubmissionFile
{
    public Guid Id { get; init; }

    public Guid SubmissionId { get; init; }

    /// <summary>1, 2, … in the order uploaded.</summary>
    public int Number { get; init; }

    public required string Name { get; init; }

    public long Size { get; init; }

    public required string ContentType { get; init; }

    public required string Sha256 { get; init; }
}
