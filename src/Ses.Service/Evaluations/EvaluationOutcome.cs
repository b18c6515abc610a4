using Ses.Documents.Validation;

namespace Ses.Service.Evaluations;

/// <summary>An evaluation, or the problems of its input (each naming the event, counted from 1, and the field).</summary>
public sealed record EvaluationOutcome(EvaluationResult? Result, IReadOnlyList<Problem> Problems)
{
    public bool IsValid => Result is not null;
}
