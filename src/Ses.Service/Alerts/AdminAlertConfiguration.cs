using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ses.Service.Alerts;

/// <summary>Table <c>admin_alerts</c>: one alert per key.</summary>
public sealed class AdminAlertConfiguration : IEntityTypeConfiguration<AdminAlert>
{
    public void Configure(EntityTypeBuilder<AdminAlert> builder)
    {
        builder.ToTable("admin_alerts");
        builder.HasKey(a => a.Id);
        builder.HasIndex(a => a.Key).IsUnique();
        builder.Property(a => a.Key).HasMaxLength(128);
        builder.Property(a => a.Message).HasMaxLength(1000);
        builder.Property(a => a.AcknowledgedBy).HasMaxLength(64);
    }
}
