using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ses.Service.Registrations;

/// <summary>Table <c>registration_accounts</c>.</summary>
public sealed class RegistrationAccountConfiguration : IEntityTypeConfiguration<RegistrationAccount>
{
    public void Configure(EntityTypeBuilder<RegistrationAccount> builder)
    {
        builder.ToTable("registration_accounts");
        builder.HasKey(a => a.Id);
        builder.HasIndex(a => a.RegistrationId);
        builder.HasIndex(a => a.UserName);
        builder.Property(a => a.UserName).HasMaxLength(32);
        builder.Property(a => a.Department).HasMaxLength(64);
        builder.HasOne<Registration>().WithMany().HasForeignKey(a => a.RegistrationId).OnDelete(DeleteBehavior.Cascade);
    }
}
