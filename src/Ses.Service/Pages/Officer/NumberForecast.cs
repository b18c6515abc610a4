using Microsoft.EntityFrameworkCore;
using Ses.Documents;
using Ses.Documents.Numbering;
using Ses.Documents.Templates;
using Ses.Service.Calendar;
using Ses.Service.Data;

namespace Ses.Service.Pages.Officer;

/// <summary>
/// The number issuing now would most likely give a form's document: the next of its series for the bureau and the
/// Beijing year, read from the counter without taking it. Only a forecast — whoever issues first in the series takes
/// it — so the confirmation calls it 预计文号 and the document page shows the number actually taken.
/// </summary>
public static class NumberForecast
{
    public static async Task<string?> NextAsync(
        SesDbContext db, DocumentEngine engine, string bureau, FormTemplate form, DateTimeOffset now, CancellationToken ct)
    {
        if (form.Series is null || engine.Templates.FindBureau(bureau) is not { } profile) return null;
        var year = LegalDates.BeijingDate(now).Year; // the Beijing year of issue (GB/T 9704-2012 §7.2.5)
        var next = await db.NumberCounters.AsNoTracking()
            .Where(c => c.Bureau == profile.Code && c.Series == form.Series && c.Year == year)
            .Select(c => (int?)c.Next).SingleOrDefaultAsync(ct);
        return new DocumentNumber(profile.NumberPrefix, form.Series, year, next ?? 1).Format();
    }
}
