using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ses.Service.Evaluations;

/// <summary>Table <c>evaluation_entries</c>: the events of an enterprise's year, with their evidence.</summary>
public sealed class EvaluationEntryConfiguration : IEntityTypeConfiguration<EvaluationEntry>
{
    public void Configure(EntityTypeBuilder<EvaluationEntry> builder)
    {
        builder.ToTable("evaluation_entries");
        builder.HasKey(e => e.Id);
        builder.HasIndex(e => e.EvaluationId);
        builder.Property(e => e.Cause).HasMaxLength(EvaluationRounds.CauseLength);
        builder.Property(e => e.Fine).HasPrecision(14, 2);
        builder.Property(e => e.Points).HasPrecision(6, 2);
        builder.Property(e => e.Evidence).HasMaxLength(EvaluationRounds.TextLength);
        builder.Property(e => e.FileSha256).HasMaxLength(64);
        builder.Property(e => e.FileName).HasMaxLength(200);
        builder.Property(e => e.EnteredBy).HasMaxLength(64);
        builder.Property(e => e.RemovedBy).HasMaxLength(64);
        builder.Property(e => e.RemovedReason).HasMaxLength(EvaluationRounds.TextLength);
        builder.HasOne<Evaluation>().WithMany().HasForeignKey(e => e.EvaluationId).OnDelete(DeleteBehavior.Restrict);
    }
}
