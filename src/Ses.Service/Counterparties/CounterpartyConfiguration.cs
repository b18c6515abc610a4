using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ses.Service.Counterparties;

/// <summary>Table <c>counterparties</c>.</summary>
public sealed class CounterpartyConfiguration : IEntityTypeConfiguration<Counterparty>
{
    public void Configure(EntityTypeBuilder<Counterparty> builder)
    {
        builder.ToTable("counterparties");
        builder.HasKey(c => c.Id);
        // One record per identifier (实施办法第五条: the identifier tells parties apart).
        builder.HasIndex(c => new { c.IdScheme, c.IdValue }).IsUnique();
        builder.HasIndex(c => c.SupervisingBureau);
        builder.Property(c => c.Kind).HasMaxLength(32);
        builder.Property(c => c.IdScheme).HasMaxLength(32);
        builder.Property(c => c.SupervisingBureau).HasMaxLength(32);
        builder.Property(c => c.Name).HasMaxLength(200);
        builder.Property(c => c.Address).HasMaxLength(200);
        builder.Property(c => c.IdValue).HasMaxLength(64);
        builder.Property(c => c.Contact1Name).HasMaxLength(64);
        builder.Property(c => c.Contact1Mobile).HasMaxLength(64);
        builder.Property(c => c.Contact2Name).HasMaxLength(64);
        builder.Property(c => c.Contact2Mobile).HasMaxLength(64);
        builder.Property(c => c.Contact1Email).HasMaxLength(254);
        builder.Property(c => c.Contact2Email).HasMaxLength(254);
    }
}
