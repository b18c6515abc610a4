using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Ses.Service.Counterparties;

namespace Ses.Service.Evaluations;

/// <summary>Table <c>evaluations</c>: an enterprise once in a round.</summary>
public sealed class EvaluationConfiguration : IEntityTypeConfiguration<Evaluation>
{
    public void Configure(EntityTypeBuilder<Evaluation> builder)
    {
        builder.ToTable("evaluations");
        builder.HasKey(e => e.Id);
        builder.HasIndex(e => new { e.RoundId, e.CounterpartyId }).IsUnique();
        builder.HasIndex(e => e.CounterpartyId);
        builder.Property(e => e.Bureau).HasMaxLength(32);
        builder.Property(e => e.Enterprise).HasMaxLength(100);
        builder.Property(e => e.Type).HasMaxLength(16);
        foreach (var score in new[] { nameof(Evaluation.PreScore), nameof(Evaluation.ReviewScore), nameof(Evaluation.FinalScore) })
        {
            builder.Property(score).HasPrecision(6, 2);
        }
        builder.Property(e => e.PreGrade).HasMaxLength(1);
        builder.Property(e => e.ReviewGrade).HasMaxLength(1);
        builder.Property(e => e.FinalGrade).HasMaxLength(1);
        builder.Property(e => e.ReviewReasons).HasMaxLength(EvaluationRounds.TextLength);
        builder.Property(e => e.ReviewResult).HasMaxLength(16);
        builder.Property(e => e.AddedBy).HasMaxLength(64);
        builder.Property(e => e.Version).IsConcurrencyToken();
        builder.HasOne<EvaluationRound>().WithMany().HasForeignKey(e => e.RoundId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Counterparty>().WithMany().HasForeignKey(e => e.CounterpartyId).OnDelete(DeleteBehavior.Restrict);
    }
}
