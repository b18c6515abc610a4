namespace Ses.Service.Issuing;

/// <summary>
/// The next number of one sequence: bureau, series and Asia/Shanghai year (GB/T 9704-2012 §7.2.5). Advanced only by a
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
