namespace Ses.Service.Calendar;

/// <summary>
/// A date of an existing delivery that importing a calendar year moves: a pending deemed delivery date, or the last
/// day of a period that already runs from a delivery.
/// </summary>
/// <param name="DeliveryId">The delivery whose date moves.</param>
/// <param name="Number">The served document's number.</param>
/// <param name="Counterparty">The counterparty it was served on.</param>
/// <param name="Date">What moves, in Chinese: 视为送达日, 陈述和申辩期限, 申请行政复议期限…</param>
/// <param name="Code">The same as a code: <c>deemed</c>, or the period (<c>defense</c>, <c>reconsideration</c>, <c>litigation</c>).</param>
/// <param name="From">The date before the import.</param>
/// <param name="To">The date after it.</param>
public sealed record CalendarMove(Guid DeliveryId, string Number, string Counterparty, string Date, string Code, DateOnly From, DateOnly To)
{
    /// <summary>The move in one Chinese line: number, counterparty, what, old date → new date.</summary>
    public string Text => $"{Number}（{Counterparty}）{Date}：{From:yyyy-MM-dd} → {To:yyyy-MM-dd}";
}
