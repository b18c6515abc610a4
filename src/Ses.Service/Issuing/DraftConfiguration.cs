using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ses.Service.Issuing;

/// <summary>Table <c>drafts</c>.</summary>
public sealed class DraftConfiguration : IEntityTypeConfiguration<Draft>
{
    public void Configure(EntityTypeBuilder<Draft> builder)
    {
        builder.ToTable("drafts");
        builder.HasKey(d => d.Id);
        builder.HasIndex(d => d.Bureau);
        builder.Property(d => d.Bureau).HasMaxLength(32);
        builder.Property(d => d.FormId).HasMaxLength(64);
        builder.Property(d => d.CreatedBy).HasMaxLength(64);
        builder.Property(d => d.CaseStep).HasMaxLength(32);
        // One draft per attempt at a step's document: the loser of two concurrent first attempts is refused, not a second number.
        builder.HasIndex(d => new { d.CaseId, d.CaseStep, d.StepAttempt }).IsUnique();
        builder.HasIndex(d => new { d.EvaluationId, d.CaseStep, d.StepAttempt }).IsUnique();
        // Optimistic concurrency: two edits of one draft, or an edit racing its issuing, cannot both win.
        builder.Property(d => d.Version).IsConcurrencyToken();
    }
}
