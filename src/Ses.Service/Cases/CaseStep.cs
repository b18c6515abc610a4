namespace Ses.Service.Cases;

/// <summary>
/// A step of a credit case as it was done: which, on which day, by whom and in which unit, its due date and the rule
/// that set it, how many working days late it was (0 when on time: a late step is recorded, never refused), and what it
/// produced (a document issued from the case, a file such as the minutes or a statement, an approval's result).
/// </summary>
public sealed class CaseStep
{
    public Guid Id { get; init; }

    public Guid CaseId { get; init; }

    /// <summary>The step's place in the case's timeline: 1 for the opening, then one more for each step recorded.</summary>
    public int Number { get; set; }

    /// <summary>One of <see cref="CaseSteps"/>.</summary>
    public required string Step { get; init; }

    /// <summary>The Beijing date the step was done (for a statement: the day it was received).</summary>
    public DateOnly DoneOn { get; init; }

    /// <summary>When it was recorded.</summary>
    public DateTimeOffset RecordedAt { get; init; }

    public required string DoneBy { get; init; }

    public Guid DoneById { get; init; }

    /// <summary>The unit of the person who did it, if they belong to one.</summary>
    public Guid? UnitId { get; init; }

    /// <summary>The due date, if the step has a time limit.</summary>
    public DateOnly? DueDate { get; init; }

    /// <summary>How the due date was found, in Chinese, with its article.</summary>
    public string? DueRule { get; init; }

    /// <summary>Working days after the due date the step was done; 0 when on time.</summary>
    public int LateWorkingDays { get; init; }

    /// <summary>One of <see cref="CaseSteps"/>' results (approved, returned, adopted, not-adopted), if the step has one.</summary>
    public string? Result { get; set; }

    public string? Note { get; set; }

    /// <summary>The numbered document issued by this step.</summary>
    public Guid? DocumentId { get; set; }

    /// <summary>The file the step produced or received (an internal form's PDF, the minutes, a statement), by SHA-256 in the file store.</summary>
    public string? FileSha256 { get; set; }

    public string? FileName { get; set; }
}
