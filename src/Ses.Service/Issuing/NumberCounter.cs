namespace Ses.Service.Issuing;

/// <summary>
/// The next number of one sequence: bureau, series and Asia/Shanghai year (rules.md, Numbers). Advanced only by a
/// conditional UPDATE inside the issuing transaction, so the row lock serialises issuers across processes.
/// </summary>
public sealed class NumberCounter
{
    public required string Bureau { get; init; }

    public required string Series { get; init; }

    public required int Year { get; init; }

    /// <summary>The number the next issued document gets.</summary>
    public int Next { get; set; }
}
