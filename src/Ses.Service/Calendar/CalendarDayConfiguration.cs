using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ses.Service.Calendar;

/// <summary>Table <c>calendar_days</c>: one row per date of an imported schedule.</summary>
public sealed class CalendarDayConfiguration : IEntityTypeConfiguration<CalendarDay>
{
    public void Configure(EntityTypeBuilder<CalendarDay> builder)
    {
        builder.ToTable("calendar_days");
        builder.HasKey(d => d.Date);
        builder.Property(d => d.Name).HasMaxLength(64);
        builder.Property(d => d.Source).HasMaxLength(128);
        builder.Property(d => d.ImportedBy).HasMaxLength(64);
    }
}
