namespace Ses.Service.Cases;

/// <summary>One time limit of a credit case.</summary>
/// <param name="Kind">Its machine name, as the command line takes it (<c>collection-department</c>, <c>validity-severe</c>, …).</param>
/// <param name="Name">What must be done by the date, or what the date is, in Chinese.</param>
/// <param name="From">The day it counts from, in Chinese (that day itself is not counted).</param>
/// <param name="Count">How many working days, months or years.</param>
/// <param name="Unit">What <paramref name="Count"/> counts.</param>
/// <param name="Basis">The rule, by the short form of its source (docs/legal-basis.md).</param>
public sealed record CaseTimeLimit(string Kind, string Name, string From, int Count, TimeLimitUnit Unit, string Basis);
