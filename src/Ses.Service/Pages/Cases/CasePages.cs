using System.Globalization;
using Ses.Service.Cases;

namespace Ses.Service.Pages.Cases;

/// <summary>What the credit-case pages share: the working days left as people read them, dates and files as typed.</summary>
public static class CasePages
{
    /// <summary>The input name a date or file problem of a step belongs to, when it is not the request's own field name.</summary>
    public static string Input(string field) => field.StartsWith("clauses[", StringComparison.Ordinal) ? "clauses" : field;

    /// <summary>
    /// The working days left before the next step's due date: 「3 个工作日」, 「今天到期」, or 「已逾期 2 个工作日」 when it has
    /// passed (<see cref="CaseStepView.Overdue"/>); 「—」 when the rules set no time limit.
    /// </summary>
    public static string DaysLeft(CaseStepView next) => next switch
    {
        { WorkingDaysLeft: null } => "—",
        { Overdue: true, WorkingDaysLeft: < 0 and var n } => string.Create(CultureInfo.InvariantCulture, $"已逾期 {-n} 个工作日"),
        { Overdue: true } => "已过期限",
        { WorkingDaysLeft: 0 } => "今天到期",
        { WorkingDaysLeft: var n } => string.Create(CultureInfo.InvariantCulture, $"{n} 个工作日"),
    };

    /// <summary>The validity of the record the case would lead to (实施办法第十七条).</summary>
    public static string Validity(int years) => years == 3 ? "3 年" : "1 年";

    /// <summary>A date as a date input sends it (yyyy-MM-dd); empty is null; anything else adds a problem for <paramref name="field"/>.</summary>
    public static DateOnly? Date(string? value, string field, string label, Action<string, string> problem)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        if (DateOnly.TryParseExact(value.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) return d;
        problem(field, $"「{label}」应为日期，如 2026-03-02");
        return null;
    }

    /// <summary>The bytes of an uploaded file (null when none was chosen); one over the step's limit is cut there and refused by size.</summary>
    public static async Task<byte[]?> ReadAsync(IFormFile? file, CancellationToken ct)
    {
        if (file is not { Length: > 0 }) return null;
        if (file.Length > CaseStepRecorder.MaxFileBytes) return new byte[CaseStepRecorder.MaxFileBytes + 1];
        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, ct);
        return buffer.ToArray();
    }
}
