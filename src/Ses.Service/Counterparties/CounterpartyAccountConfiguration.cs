using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Ses.Service.Accounts;

namespace Ses.Service.Counterparties;

/// <summary>Table <c>counterparty_accounts</c>: each account belongs to one counterparty.</summary>
public sealed class CounterpartyAccountConfiguration : IEntityTypeConfiguration<CounterpartyAccount>
{
    public void Configure(EntityTypeBuilder<CounterpartyAccount> builder)
    {
        builder.ToTable("counterparty_accounts");
        builder.HasKey(a => a.Id);
        builder.HasIndex(a => a.UserName).IsUnique();
        builder.HasIndex(a => a.CounterpartyId);
        builder.HasOne<Counterparty>().WithMany().HasForeignKey(a => a.CounterpartyId);
        builder.Property(a => a.UserName).HasMaxLength(64);
        builder.Property(a => a.Department).HasMaxLength(64);
        builder.Property(a => a.PasswordHash).HasMaxLength(200);
        builder.Property(a => a.SecurityStamp).HasMaxLength(SecurityStamps.Length);
    }
}
