using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ses.Service.Counterparties;

/// <summary>Table <c>counterparties</c>.</summary>
public sealed class CounterpartyConfiguration : IEntityTypeConfiguration<Counterparty>
{
    public void Configure(EntityTypeBuilder<Counterparty> e)
    {
        e.ToTable("counterparties");
        e.HasKey(c => c.Id);
        // One record per identifier (实施办法第五条: the identifier tells parties apart).
        e.HasIndex(c => new { c.IdScheme, c.IdValue }).IsUnique();
        e.HasIndex(c => c.SupervisingBureau);
        e.Property(c => c.Kind).HasMaxLength(32);
        e.Property(c => c.IdScheme).HasMaxLength(32);
        e.Property(c => c.SupervisingBureau).HasMaxLength(32);
        e.Property(c => c.Name).HasMaxLength(200);
        e.Property(c => c.Address).HasMaxLength(200);
        e.Property(c => c.IdValue).HasMaxLength(64);
        e.Property(c => c.Contact1Name).HasMaxLength(64);
        e.Property(c => c.Contact1Mobile).HasMaxLength(64);
        e.Property(c => c.Contact2Name).HasMaxLength(64);
        e.Property(c => c.Contact2Mobile).HasMaxLength(64);
        e.Property(c => c.Contact1Email).HasMaxLength(254);
        e.Property(c => c.Contact2Email).HasMaxLength(254);
    }
}
