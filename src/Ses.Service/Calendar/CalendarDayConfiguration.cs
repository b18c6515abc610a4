using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ses.Service.Calendar;

/// <summary>Table <c>calendar_days</c>: one row per date of an imported schedule.</summary>
public sealed class CalendarDayConfiguration : IEntityTypeConfiguration<CalendarDay>
{
    public void Configure(EntityTypeBuilder<CalendarDay> e)
    {
        e.ToTable("calendar_days");
        e.HasKey(d => d.Date);
        e.Property(d => d.Name).HasMaxLength(64);
        e.Property(d => d.Source).HasMaxLength(128);
        e.Property(d => d.ImportedBy).HasMaxLength(64);
    }
}
