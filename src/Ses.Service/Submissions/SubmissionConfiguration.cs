using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ses.Service.Submissions;

/// <summary>Table <c>submissions</c>.</summary>
public sealed class SubmissionConfiguration : IEntityTypeConfiguration<Submission>
{
    public void Configure(EntityTypeBuilder<Submission> builder)
    {
        builder.ToTable("submissions");
        builder.HasKey(s => s.Id);
        builder.HasIndex(s => s.CounterpartyId);
        builder.HasIndex(s => s.DocumentId);
        builder.HasIndex(s => s.RecordId);
        builder.HasIndex(s => s.CaseId);
        builder.Property(s => s.Kind).HasMaxLength(16);
        builder.Property(s => s.Bureau).HasMaxLength(32);
        builder.Property(s => s.AccountName).HasMaxLength(64);
        builder.Property(s => s.Text).HasMaxLength(SubmissionService.TextLength);
        builder.Property(s => s.TextSha256).HasMaxLength(64);
        builder.Property(s => s.ReceiptSha256).HasMaxLength(64);
    }
}
