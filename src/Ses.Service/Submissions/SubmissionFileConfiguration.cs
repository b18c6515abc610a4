using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ses.Service.Submissions;

/// <summary>Table <c>submission_files</c>: numbered within their submission.</summary>
public sealed class SubmissionFileConfiguration : IEntityTypeConfiguration<SubmissionFile>
{
    public void Configure(EntityTypeBuilder<SubmissionFile> builder)
    {
        builder.ToTable("submission_files");
        builder.HasKey(f => f.Id);
        builder.HasIndex(f => new { f.SubmissionId, f.Number }).IsUnique();
        builder.Property(f => f.Name).HasMaxLength(Attachments.NameLength);
        builder.Property(f => f.ContentType).HasMaxLength(100);
        builder.Property(f => f.Sha256).HasMaxLength(64);
        builder.HasOne<Submission>().WithMany().HasForeignKey(f => f.SubmissionId).OnDelete(DeleteBehavior.Restrict);
    }
}
