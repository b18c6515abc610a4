using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ses.Service.Evaluations;

/// <summary>Table <c>evaluation_materials</c>: the files the enterprises uploaded.</summary>
public sealed class EvaluationMaterialConfiguration : IEntityTypeConfiguration<EvaluationMaterial>
{
    public void Configure(EntityTypeBuilder<EvaluationMaterial> builder)
    {
        builder.ToTable("evaluation_materials");
        builder.HasKey(m => m.Id);
        builder.HasIndex(m => m.EvaluationId);
        builder.Property(m => m.FileName).HasMaxLength(200);
        builder.Property(m => m.Sha256).HasMaxLength(64);
        builder.Property(m => m.ContentType).HasMaxLength(100);
        builder.Property(m => m.Note).HasMaxLength(EvaluationRounds.TextLength);
        builder.Property(m => m.UploadedBy).HasMaxLength(64);
        builder.HasOne<Evaluation>().WithMany().HasForeignKey(m => m.EvaluationId).OnDelete(DeleteBehavior.Restrict);
    }
}
