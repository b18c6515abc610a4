using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Ses.Service.Counterparties;

namespace Ses.Service.CounterpartyChanges;

/// <summary>Table <c>counterparty_changes</c>: the history of a counterparty's own changes.</summary>
public sealed class CounterpartyChangeConfiguration : IEntityTypeConfiguration<CounterpartyChange>
{
    public void Configure(EntityTypeBuilder<CounterpartyChange> builder)
    {
        builder.ToTable("counterparty_changes");
        builder.HasKey(c => c.Id);
        builder.HasIndex(c => c.CounterpartyId);
        builder.HasIndex(c => new { c.Bureau, c.State });
        builder.Property(c => c.Bureau).HasMaxLength(32);
        builder.Property(c => c.Kind).HasMaxLength(16);
        builder.Property(c => c.State).HasMaxLength(16);
        builder.Property(c => c.BeforeJson).HasMaxLength(4000);
        builder.Property(c => c.AfterJson).HasMaxLength(4000);
        builder.Property(c => c.RequestedBy).HasMaxLength(64);
        builder.Property(c => c.DecidedBy).HasMaxLength(64);
        builder.Property(c => c.Reason).HasMaxLength(200);
        builder.HasOne<Counterparty>().WithMany().HasForeignKey(c => c.CounterpartyId).OnDelete(DeleteBehavior.Restrict);
    }
}
