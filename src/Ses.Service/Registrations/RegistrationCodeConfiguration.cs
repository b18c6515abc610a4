using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ses.Service.Registrations;

/// <summary>Table <c>registration_codes</c>.</summary>
public sealed class RegistrationCodeConfiguration : IEntityTypeConfiguration<RegistrationCode>
{
    public void Configure(EntityTypeBuilder<RegistrationCode> builder)
    {
        builder.ToTable("registration_codes");
        builder.HasKey(c => c.Id);
        builder.HasIndex(c => new { c.Mobile, c.CreatedAt });
        builder.HasIndex(c => c.ExpiresAt);
        builder.Property(c => c.Mobile).HasMaxLength(20);
        builder.Property(c => c.CodeHash).HasMaxLength(200);
    }
}
