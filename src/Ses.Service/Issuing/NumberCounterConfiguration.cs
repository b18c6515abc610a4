using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ses.Service.Issuing;

/// <summary>Table <c>number_counters</c>: one row per bureau, series and year.</summary>
public sealed class NumberCounterConfiguration : IEntityTypeConfiguration<NumberCounter>
{
    public void Configure(EntityTypeBuilder<NumberCounter> builder)
    {
        builder.ToTable("number_counters");
        builder.HasKey(c => new { c.Bureau, c.Series, c.Year });
        builder.Property(c => c.Bureau).HasMaxLength(32);
        builder.Property(c => c.Series).HasMaxLength(16);
    }
}
