using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Ses.Service.Counterparties;

namespace Ses.Service.Consent;

/// <summary>Table <c>consent_letters</c>: every letter a counterparty ever had verified.</summary>
public sealed class ConsentLetterConfiguration : IEntityTypeConfiguration<ConsentLetter>
{
    public void Configure(EntityTypeBuilder<ConsentLetter> builder)
    {
        builder.ToTable("consent_letters");
        builder.HasKey(l => l.Id);
        builder.HasIndex(l => l.CounterpartyId);
        builder.Property(l => l.Bureau).HasMaxLength(32);
        builder.Property(l => l.FileName).HasMaxLength(100);
        builder.Property(l => l.ContentType).HasMaxLength(100);
        builder.Property(l => l.FileSha256).HasMaxLength(64);
        builder.Property(l => l.VerifiedBy).HasMaxLength(64);
        builder.Property(l => l.EndedBy).HasMaxLength(64);
        builder.Property(l => l.EndReason).HasMaxLength(200);
        builder.HasOne<Counterparty>().WithMany().HasForeignKey(l => l.CounterpartyId).OnDelete(DeleteBehavior.Restrict);
    }
}
