using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ses.Service.Registrations;

/// <summary>Table <c>registration_throttles</c>.</summary>
public sealed class RegistrationThrottleConfiguration : IEntityTypeConfiguration<RegistrationThrottle>
{
    public void Configure(EntityTypeBuilder<RegistrationThrottle> builder)
    {
        builder.ToTable("registration_throttles");
        builder.HasKey(t => t.Key);
        builder.Property(t => t.Key).HasMaxLength(64);
        builder.HasIndex(t => t.WindowEndsAt);
    }
}
