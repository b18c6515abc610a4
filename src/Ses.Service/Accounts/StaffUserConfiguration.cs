using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Ses.Service.Units;

namespace Ses.Service.Accounts;

/// <summary>Table <c>staff_users</c>.</summary>
public sealed class StaffUserConfiguration : IEntityTypeConfiguration<StaffUser>
{
    public void Configure(EntityTypeBuilder<StaffUser> builder)
    {
        builder.ToTable("staff_users");
        builder.HasKey(u => u.Id);
        builder.HasIndex(u => u.UserName).IsUnique();
        builder.Property(u => u.UserName).HasMaxLength(64);
        builder.Property(u => u.DisplayName).HasMaxLength(64);
        builder.Property(u => u.Email).HasMaxLength(254);
        builder.Property(u => u.Role).HasMaxLength(16);
        builder.Property(u => u.Bureau).HasMaxLength(32);
        builder.Property(u => u.PasswordHash).HasMaxLength(200);
        builder.Property(u => u.SecurityStamp).HasMaxLength(SecurityStamps.Length);
        builder.HasOne<Unit>().WithMany().HasForeignKey(u => u.UnitId).OnDelete(DeleteBehavior.Restrict);
    }
}
