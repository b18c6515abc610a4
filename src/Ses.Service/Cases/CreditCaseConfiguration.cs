using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Ses.Service.Counterparties;
using Ses.Service.Units;

namespace Ses.Service.Cases;

/// <summary>Table <c>credit_cases</c>: found by bureau and by the officer whose case it is.</summary>
public sealed class CreditCaseConfiguration : IEntityTypeConfiguration<CreditCase>
{
    public void Configure(EntityTypeBuilder<CreditCase> builder)
    {
        builder.ToTable("credit_cases");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Bureau).HasMaxLength(32);
        builder.Property(c => c.Act).HasMaxLength(CaseService.ActLength);
        builder.Property(c => c.Facts).HasMaxLength(CaseService.FactsLength);
        builder.Property(c => c.Clauses).HasMaxLength(200);
        builder.Property(c => c.DecisionNumber).HasMaxLength(CaseService.DecisionLength);
        builder.Property(c => c.DecisionIssuer).HasMaxLength(CaseService.DecisionLength);
        builder.Property(c => c.State).HasMaxLength(32);
        builder.Property(c => c.DueRule).HasMaxLength(400);
        builder.Property(c => c.CreatedBy).HasMaxLength(64);
        builder.HasIndex(c => new { c.Bureau, c.CreatedById, c.State });
        builder.HasIndex(c => new { c.Bureau, c.State });
        builder.Property(c => c.Version).IsConcurrencyToken();
        builder.HasOne<Counterparty>().WithMany().HasForeignKey(c => c.CounterpartyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Unit>().WithMany().HasForeignKey(c => c.CollectingUnitId).OnDelete(DeleteBehavior.Restrict);
    }
}
