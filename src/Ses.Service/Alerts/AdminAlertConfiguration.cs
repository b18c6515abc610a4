using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ses.Service.Alerts;

/// <summary>Table <c>admin_alerts</c>: one alert per key.</summary>
public sealed class AdminAlertConfiguration : IEntityTypeConfiguration<AdminAlert>
{
    public void Configure(EntityTypeBuilder<AdminAlert> e)
    {
        e.ToTable("admin_alerts");
        e.HasKey(a => a.Id);
        e.HasIndex(a => a.Key).IsUnique();
        e.Property(a => a.Key).HasMaxLength(128);
        e.Property(a => a.Message).HasMaxLength(1000);
        e.Property(a => a.AcknowledgedBy).HasMaxLength(64);
    }
}
