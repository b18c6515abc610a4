using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Ses.Service.Cases;
using Ses.Service.Records;

namespace Ses.Service.Corrections;

/// <summary>Table <c>record_corrections</c>: found by record (one open at a time) and by bureau and state (the lists).</summary>
public sealed class RecordCorrectionConfiguration : IEntityTypeConfiguration<RecordCorrection>
{
    public void Configure(EntityTypeBuilder<RecordCorrection> builder)
    {
        builder.ToTable("record_corrections");
        builder.HasKey(c => c.Id);
        builder.HasIndex(c => c.RecordId);
        builder.HasIndex(c => new { c.Bureau, c.State });
        builder.Property(c => c.Bureau).HasMaxLength(32);
        builder.Property(c => c.Kind).HasMaxLength(16);
        builder.Property(c => c.PartyName).HasMaxLength(200);
        builder.Property(c => c.Act).HasMaxLength(CaseService.ActLength);
        builder.Property(c => c.DecisionNumber).HasMaxLength(CaseService.DecisionLength);
        builder.Property(c => c.Clauses).HasMaxLength(200);
        builder.Property(c => c.Reason).HasMaxLength(RecordService.NoteLength);
        builder.Property(c => c.State).HasMaxLength(16);
        builder.Property(c => c.ApprovedBy).HasMaxLength(64);
        builder.Property(c => c.LeaderNote).HasMaxLength(RecordService.NoteLength);
        builder.Property(c => c.AdjustedBy).HasMaxLength(64);
        builder.Property(c => c.WithdrawalNote).HasMaxLength(RecordService.NoteLength);
        builder.Property(c => c.Before).HasMaxLength(4000);
        builder.Property(c => c.RecordedBy).HasMaxLength(64);
        builder.Property(c => c.Version).IsConcurrencyToken();
        builder.HasOne<CreditRecord>().WithMany().HasForeignKey(c => c.RecordId).OnDelete(DeleteBehavior.Restrict);
    }
}
