namespace Ses.Service.Evaluations;

/// <summary>An event counted in the year, with the value its item gives it alone and the table row that gives it.</summary>
/// <param name="Number">The event's position in the input, counted from 1.</param>
/// <param name="Item">The item of the table.</param>
/// <param name="Date">The event's Beijing date.</param>
/// <param name="Value">The points the row deducts for this event.</param>
/// <param name="Basis">The row, in Chinese, e.g. 「附表第4项第2点：罚款 15000 元，1万元以上、3万元（含）以下，扣20分/次」.</param>
public sealed record EventValue(int Number, int Item, DateOnly Date, decimal Value, string Basis);
