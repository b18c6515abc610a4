using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ses.Service.Evaluations;

/// <summary>Table <c>evaluation_rounds</c>: one round a year for each bureau.</summary>
public sealed class EvaluationRoundConfiguration : IEntityTypeConfiguration<EvaluationRound>
{
    public void Configure(EntityTypeBuilder<EvaluationRound> builder)
    {
        builder.ToTable("evaluation_rounds");
        builder.HasKey(r => r.Id);
        builder.HasIndex(r => new { r.Bureau, r.Year }).IsUnique();
        builder.Property(r => r.Bureau).HasMaxLength(32);
        builder.Property(r => r.State).HasMaxLength(16);
        builder.Property(r => r.Notice).HasMaxLength(EvaluationRounds.NoticeLength);
        builder.Property(r => r.CreatedBy).HasMaxLength(64);
        builder.Property(r => r.Version).IsConcurrencyToken();
    }
}
