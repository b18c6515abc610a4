using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ses.Service.Cases;

/// <summary>Table <c>case_persons</c>.</summary>
public sealed class CasePersonConfiguration : IEntityTypeConfiguration<CasePerson>
{
    public void Configure(EntityTypeBuilder<CasePerson> builder)
    {
        builder.ToTable("case_persons");
        builder.HasKey(p => p.Id);
        builder.HasIndex(p => p.CaseId);
        builder.Property(p => p.Role).HasMaxLength(16);
        builder.Property(p => p.Name).HasMaxLength(100);
        builder.Property(p => p.IdScheme).HasMaxLength(32);
        builder.Property(p => p.IdValue).HasMaxLength(64);
        builder.Property(p => p.Position).HasMaxLength(100);
        builder.Property(p => p.Phone).HasMaxLength(32);
        builder.HasOne<CreditCase>().WithMany().HasForeignKey(p => p.CaseId).OnDelete(DeleteBehavior.Restrict);
    }
}
