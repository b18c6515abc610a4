namespace Ses.Service.Evaluations;

/// <summary>An event given but not counted (outside the year, or a complaint of an excluded kind), and why.</summary>
/// <param name="Number">The event's position in the input, counted from 1.</param>
/// <param name="Item">The item of the table.</param>
/// <param name="Reason">Why it does not count, in Chinese, with its source.</param>
public sealed record SkippedEvent(int Number, int Item, string Reason);
