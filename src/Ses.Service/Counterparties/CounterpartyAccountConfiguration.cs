using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Ses.Service.Accounts;

namespace Ses.Service.Counterparties;

/// <summary>Table <c>counterparty_accounts</c>: each account belongs to one counterparty.</summary>
public sealed class CounterpartyAccountConfiguration : IEntityTypeConfiguration<CounterpartyAccount>
{
    public void Configure(EntityTypeBuilder<CounterpartyAccount> e)
    {
        e.ToTable("counterparty_accounts");
        e.HasKey(a => a.Id);
        e.HasIndex(a => a.UserName).IsUnique();
        e.HasIndex(a => a.CounterpartyId);
        e.HasOne<Counterparty>().WithMany().HasForeignKey(a => a.CounterpartyId);
        e.Property(a => a.UserName).HasMaxLength(64);
        e.Property(a => a.Department).HasMaxLength(64);
        e.Property(a => a.PasswordHash).HasMaxLength(200);
        e.Property(a => a.SecurityStamp).HasMaxLength(SecurityStamps.Length);
    }
}
