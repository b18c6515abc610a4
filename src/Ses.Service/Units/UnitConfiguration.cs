using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ses.Service.Units;

/// <summary>Table <c>units</c>: a name once per bureau; an office points at its department.</summary>
public sealed class UnitConfiguration : IEntityTypeConfiguration<Unit>
{
    public void Configure(EntityTypeBuilder<Unit> builder)
    {
        builder.ToTable("units");
        builder.HasKey(u => u.Id);
        builder.Property(u => u.Bureau).HasMaxLength(32);
        builder.Property(u => u.Name).HasMaxLength(UnitAdmin.NameLength);
        builder.Property(u => u.Kind).HasMaxLength(16);
        builder.HasIndex(u => new { u.Bureau, u.Name }).IsUnique();
        builder.HasOne<Unit>().WithMany().HasForeignKey(u => u.SubmitsToUnitId).OnDelete(DeleteBehavior.Restrict);
    }
}
