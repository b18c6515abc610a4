using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ses.Service.Registrations;

/// <summary>Table <c>registrations</c>.</summary>
public sealed class RegistrationConfiguration : IEntityTypeConfiguration<Registration>
{
    public void Configure(EntityTypeBuilder<Registration> builder)
    {
        builder.ToTable("registrations");
        builder.HasKey(r => r.Id);
        builder.HasIndex(r => new { r.Bureau, r.State });
        builder.HasIndex(r => r.PendingKey).IsUnique();
        builder.Property(r => r.Kind).HasMaxLength(32);
        builder.Property(r => r.Name).HasMaxLength(200);
        builder.Property(r => r.IdScheme).HasMaxLength(16);
        builder.Property(r => r.IdValue).HasMaxLength(64);
        builder.Property(r => r.Address).HasMaxLength(200);
        builder.Property(r => r.Bureau).HasMaxLength(32);
        builder.Property(r => r.Office).HasMaxLength(64);
        builder.Property(r => r.Contact1Name).HasMaxLength(40);
        builder.Property(r => r.Contact1Mobile).HasMaxLength(20);
        builder.Property(r => r.Contact1Email).HasMaxLength(200);
        builder.Property(r => r.Contact2Name).HasMaxLength(40);
        builder.Property(r => r.Contact2Mobile).HasMaxLength(20);
        builder.Property(r => r.Contact2Email).HasMaxLength(200);
        builder.Property(r => r.State).HasMaxLength(16);
        builder.Property(r => r.PendingKey).HasMaxLength(100);
        builder.Property(r => r.TokenHash).HasMaxLength(64);
        builder.Property(r => r.Source).HasMaxLength(64);
        builder.Property(r => r.OriginalReceivedBy).HasMaxLength(64);
        builder.Property(r => r.DecidedBy).HasMaxLength(64);
        builder.Property(r => r.Reason).HasMaxLength(500);
        builder.Property(r => r.Version).IsConcurrencyToken();
    }
}
