namespace Ses.Documents.Certificates;

/// <summary>A period that runs from the delivery.</summary>
/// <param name="Name">Its Chinese name, e.g. 陈述和申辩期限.</param>
/// <param name="LastDay">The last day of the period.</param>
/// <param name="Rule">How the last day was computed, naming the calendar data used.</param>
/// <param name="Provisional">The date depends on a year with no published holiday schedule: printed 「暂定」.</param>
public sealed record DeliveryDeadline(string Name, DateOnly LastDay, string Rule, bool Provisional);
