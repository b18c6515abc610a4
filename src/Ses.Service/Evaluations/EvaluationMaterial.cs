namespace Ses.Service.Evaluations;

/// <summary>A file an enterprise uploaded for the round (收集材料, 暂行办法第十一条、第十二条).</summary>
public sealed class EvaluationMaterial
{
    public Guid Id { get; init; }

    public Guid EvaluationId { get; init; }

    public required string FileName { get; init; }

    public required string Sha256 { get; init; }

    public long Size { get; init; }

    public required string ContentType { get; init; }

    public string? Note { get; init; }

    public required string UploadedBy { get; init; }

    public DateTimeOffset UploadedAt { get; init; }

    /// <summary>Uploaded after the day the notice asked for (accepted, marked).</summary>
    public bool Late { get; init; }
}
