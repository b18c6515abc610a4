using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Ses.Service.Cases;
using Ses.Service.Counterparties;

namespace Ses.Service.Records;

/// <summary>
/// Table <c>credit_records</c>: found by state and last day (the expiry job), by bureau and state (the bureau's list), by
/// identifier and by name (实施办法第二十一条: does this party have a record in force?), by case.
/// </summary>
public sealed class CreditRecordConfiguration : IEntityTypeConfiguration<CreditRecord>
{
    public void Configure(EntityTypeBuilder<CreditRecord> builder)
    {
        builder.ToTable("credit_records");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Bureau).HasMaxLength(32);
        builder.Property(r => r.PartyName).HasMaxLength(200);
        builder.Property(r => r.PartyKind).HasMaxLength(16);
        builder.Property(r => r.IdScheme).HasMaxLength(16);
        builder.Property(r => r.IdValue).HasMaxLength(64);
        builder.Property(r => r.Act).HasMaxLength(CaseService.ActLength);
        builder.Property(r => r.Clauses).HasMaxLength(200);
        builder.Property(r => r.GoverningClause).HasMaxLength(16);
        builder.Property(r => r.DecisionNumber).HasMaxLength(CaseService.DecisionLength);
        builder.Property(r => r.EnteredBy).HasMaxLength(64);
        builder.Property(r => r.PersonRole).HasMaxLength(16);
        builder.Property(r => r.PersonPosition).HasMaxLength(100);
        builder.Property(r => r.State).HasMaxLength(16);
        builder.Property(r => r.RemovedReason).HasMaxLength(RecordService.NoteLength);
        builder.Property(r => r.Mark).HasMaxLength(16);
        builder.Property(r => r.MarkNote).HasMaxLength(RecordService.NoteLength);
        builder.Property(r => r.Version).IsConcurrencyToken();
        builder.HasIndex(r => new { r.State, r.ValidUntil });
        builder.HasIndex(r => new { r.Bureau, r.State });
        builder.HasIndex(r => r.IdValue);
        builder.HasIndex(r => r.PartyName);
        builder.HasIndex(r => r.CaseId);
        builder.HasIndex(r => r.LinkedToRecordId);
        builder.HasOne<CreditCase>().WithMany().HasForeignKey(r => r.CaseId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Counterparty>().WithMany().HasForeignKey(r => r.CounterpartyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<CreditRecord>().WithMany().HasForeignKey(r => r.LinkedToRecordId).OnDelete(DeleteBehavior.Restrict);
    }
}
