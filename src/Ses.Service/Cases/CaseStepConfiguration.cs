using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ses.Service.Cases;

/// <summary>Table <c>case_steps</c>: a case's timeline, in the order the steps were recorded (<see cref="CaseStep.Number"/>).</summary>
public sealed class CaseStepConfiguration : IEntityTypeConfiguration<CaseStep>
{
    public void Configure(EntityTypeBuilder<CaseStep> builder)
    {
        builder.ToTable("case_steps");
        builder.HasKey(s => s.Id);
        // Unique: two steps racing on one case cannot take the same place.
        builder.HasIndex(s => new { s.CaseId, s.Number }).IsUnique();
        builder.Property(s => s.Step).HasMaxLength(32);
        builder.Property(s => s.DoneBy).HasMaxLength(64);
        builder.Property(s => s.DueRule).HasMaxLength(400);
        builder.Property(s => s.Result).HasMaxLength(32);
        builder.Property(s => s.Note).HasMaxLength(CaseService.FactsLength);
        builder.Property(s => s.FileSha256).HasMaxLength(64);
        builder.Property(s => s.FileName).HasMaxLength(200);
        builder.HasOne<CreditCase>().WithMany().HasForeignKey(s => s.CaseId).OnDelete(DeleteBehavior.Restrict);
    }
}
