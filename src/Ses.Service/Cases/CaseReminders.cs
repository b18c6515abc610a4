using Microsoft.EntityFrameworkCore;
using Ses.Documents.Templates;
using Ses.Service.Accounts;
using Ses.Service.Calendar;
using Ses.Service.Data;
using Ses.Service.Evidence;
using Ses.Service.Notifications;

namespace Ses.Service.Cases;

/// <summary>
/// The reminder of a case's due date, by email on the working day before it: to the officer whose case it is, or for the
/// entry (实施办法第十四条第二款) to the bureau's legal staff. Sent once per due date, also with several instances: the
/// case is marked reminded by a conditional update in the transaction that queues the email.
/// </summary>
public sealed class CaseReminders(SesDbContext db, CaseService cases, CalendarStore calendars, NotificationOutbox outbox, TimeProvider time)
{
    /// <summary>Queues the reminders due today; returns how many cases were reminded.</summary>
    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        if (!outbox.EmailEnabled) return 0;
        var calendar = await calendars.CurrentAsync(ct);
        var today = LegalDates.BeijingDate(time.GetUtcNow());
        if (!calendar.IsWorkingDay(today).Working) return 0;
        var tomorrow = NextWorkingDay(today, calendar);
        var open = await db.CreditCases.AsNoTracking()
            .Where(c => CaseState.Open.Contains(c.State) && (c.DueDate == tomorrow || c.State == CaseState.Transfer)).ToListAsync(ct);
        var served = await cases.DecisionsDeliveredAsync(open.Where(c => c.State == CaseState.Transfer).Select(c => c.Id).ToList(), ct);
        var reminded = 0;
        foreach (var c in open)
        {
            var next = CaseService.Next(c, served.TryGetValue(c.Id, out var on) ? on : null, calendar, today);
            if (next.DueDate != tomorrow || c.RemindedFor == tomorrow) continue;
            if (await RemindAsync(c, next, ct)) reminded++;
        }
        return reminded;
    }

    private async Task<bool> RemindAsync(CreditCase c, CaseStepView next, CancellationToken ct)
    {
        var due = next.DueDate!.Value;
        var recipients = c.State == CaseState.Entry
            ? await db.StaffUsers.AsNoTracking().Where(u => u.Bureau == c.Bureau && u.Role == StaffRole.Legal && u.Active && u.Email != null).ToListAsync(ct)
            : await db.StaffUsers.AsNoTracking().Where(u => u.Id == c.CreatedById && u.Active && u.Email != null).ToListAsync(ct);
        if (recipients.Count == 0) return false;
        var party = await db.Counterparties.AsNoTracking().Where(p => p.Id == c.CounterpartyId).Select(p => p.Name).SingleAsync(ct);
        return await Transactions.WriteAsync(db, async () =>
        {
            // Claimed here: another instance that got there first has set it, and this one sends nothing.
            var claimed = await db.CreditCases.Where(x => x.Id == c.Id && (x.RemindedFor == null || x.RemindedFor != due))
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.RemindedFor, due), ct);
            if (claimed == 0) return false;
            foreach (var user in recipients)
            {
                outbox.Enqueue(NotificationKind.Reminder, NotificationChannel.Email, user.Email!, user.DisplayName,
                    $"【SES】案件办理期限提醒：{next.Step}（{DateValue.FormatChinese(due)}届满）",
                    $"{user.DisplayName}：\n\n您办理的信用案件（相对人：{party}；事由：{c.Act}）的下一环节「{next.Step}」将于 {DateValue.FormatChinese(due)} 届满。\n"
                    + $"依据：{next.Rule}\n\n请登录民航行业监管执法信息系统（SES），在「我的案件」中办理。本邮件由系统自动发送，请勿回复。");
            }
            db.AuditEntries.Add(EvidenceEntries.Audit(time.GetUtcNow(), "job", "case.reminded", c.Id.ToString(), "job", $"{due:yyyy-MM-dd}"));
            await db.SaveChangesAsync(ct);
            return true;
        }, ct);
    }

    private static DateOnly NextWorkingDay(DateOnly day, HolidayCalendar calendar)
    {
        var d = day.AddDays(1);
        while (!calendar.IsWorkingDay(d).Working) d = d.AddDays(1);
        return d;
    }
}
