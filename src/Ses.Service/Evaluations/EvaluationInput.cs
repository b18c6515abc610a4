namespace Ses.Service.Evaluations;

/// <summary>What one evaluation covers: one enterprise, one enterprise type, one calendar year and its events.</summary>
/// <param name="Enterprise">The enterprise's name.</param>
/// <param name="Type">The type's Chinese name (<see cref="EnterpriseTypes"/>); checked, not trusted.</param>
/// <param name="Year">The calendar year evaluated (暂行办法第六条).</param>
/// <param name="Events">The events, in the order given: problems name them by their position, counted from 1.</param>
public sealed record EvaluationInput(string? Enterprise, string? Type, int? Year, IReadOnlyList<EvaluationEvent> Events);
