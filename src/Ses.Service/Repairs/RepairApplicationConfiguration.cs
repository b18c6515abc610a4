using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Ses.Service.Records;

namespace Ses.Service.Repairs;

/// <summary>Table <c>repair_applications</c>: one sequence per record.</summary>
public sealed class RepairApplicationConfiguration : IEntityTypeConfiguration<RepairApplication>
{
    public void Configure(EntityTypeBuilder<RepairApplication> builder)
    {
        builder.ToTable("repair_applications");
        builder.HasKey(a => a.Id);
        builder.HasIndex(a => new { a.RecordId, a.Sequence }).IsUnique();
        builder.HasIndex(a => new { a.Bureau, a.State });
        builder.Property(a => a.Bureau).HasMaxLength(32);
        builder.Property(a => a.Explanation).HasMaxLength(RepairService.TextLength);
        builder.Property(a => a.Reasons).HasMaxLength(RepairService.TextLength);
        builder.Property(a => a.FileSha256).HasMaxLength(64);
        builder.Property(a => a.FileName).HasMaxLength(200);
        builder.Property(a => a.State).HasMaxLength(16);
        builder.Property(a => a.RecordedBy).HasMaxLength(64);
        builder.Property(a => a.Version).IsConcurrencyToken();
        builder.HasOne<CreditRecord>().WithMany().HasForeignKey(a => a.RecordId).OnDelete(DeleteBehavior.Restrict);
    }
}
