namespace Ses.Documents.Certificates;

/// <summary>The delivery date and what fixed it.</summary>
/// <param name="Date">The delivery date (Asia/Shanghai calendar date); null while delivery is pending.</param>
/// <param name="Rule">The rule that fixed it: confirmation of receipt, deemed delivery on the 3rd working day (naming
/// the calendar data used), or paper delivery; for a pending delivery, what it waits for.</param>
/// <param name="Provisional">The date depends on a year with no published holiday schedule: printed 「暂定」 with a warning.</param>
public sealed record DeliveryOutcome(DateOnly? Date, string Rule, bool Provisional);
