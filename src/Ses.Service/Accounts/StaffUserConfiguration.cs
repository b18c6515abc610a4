using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ses.Service.Accounts;

/// <summary>Table <c>staff_users</c>.</summary>
public sealed class StaffUserConfiguration : IEntityTypeConfiguration<StaffUser>
{
    public void Configure(EntityTypeBuilder<StaffUser> e)
    {
        e.ToTable("staff_users");
        e.HasKey(u => u.Id);
        e.HasIndex(u => u.UserName).IsUnique();
        e.Property(u => u.UserName).HasMaxLength(64);
        e.Property(u => u.DisplayName).HasMaxLength(64);
        e.Property(u => u.Role).HasMaxLength(16);
        e.Property(u => u.Bureau).HasMaxLength(32);
        e.Property(u => u.PasswordHash).HasMaxLength(200);
        e.Property(u => u.SecurityStamp).HasMaxLength(SecurityStamps.Length);
    }
}
