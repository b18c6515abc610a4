using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Ses.Service.Counterparties;

namespace Ses.Service.OrganisationChanges;

/// <summary>Table <c>organisation_changes</c>: found by bureau and by counterparty (its history).</summary>
public sealed class OrganisationChangeConfiguration : IEntityTypeConfiguration<OrganisationChange>
{
    public void Configure(EntityTypeBuilder<OrganisationChange> builder)
    {
        builder.ToTable("organisation_changes");
        builder.HasKey(c => c.Id);
        builder.HasIndex(c => c.Bureau);
        builder.HasIndex(c => c.CounterpartyId);
        builder.HasIndex(c => c.ToCounterpartyId);
        builder.Property(c => c.Bureau).HasMaxLength(32);
        builder.Property(c => c.Kind).HasMaxLength(32);
        builder.Property(c => c.OldName).HasMaxLength(200);
        builder.Property(c => c.NewName).HasMaxLength(200);
        builder.Property(c => c.RecordedBy).HasMaxLength(64);
        builder.HasOne<Counterparty>().WithMany().HasForeignKey(c => c.CounterpartyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Counterparty>().WithMany().HasForeignKey(c => c.ToCounterpartyId).OnDelete(DeleteBehavior.Restrict);
    }
}
