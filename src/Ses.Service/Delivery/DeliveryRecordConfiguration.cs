using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Ses.Service.Consent;
using Ses.Service.Counterparties;
using Ses.Service.Issuing;

namespace Ses.Service.Delivery;

/// <summary>Table <c>deliveries</c>.</summary>
public sealed class DeliveryRecordConfiguration : IEntityTypeConfiguration<DeliveryRecord>
{
    public void Configure(EntityTypeBuilder<DeliveryRecord> builder)
    {
        builder.ToTable("deliveries");
        builder.HasKey(d => d.Id);
        // One service per document: serving twice is refused.
        builder.HasIndex(d => d.DocumentId).IsUnique();
        builder.HasIndex(d => d.CounterpartyId);
        builder.HasIndex(d => new { d.Bureau, d.ServedAt });
        builder.HasIndex(d => new { d.ElectronicOn, d.DeemedOn });
        builder.HasOne<IssuedDocument>().WithMany().HasForeignKey(d => d.DocumentId);
        builder.HasOne<Counterparty>().WithMany().HasForeignKey(d => d.CounterpartyId);
        builder.HasOne<ConsentLetter>().WithMany().HasForeignKey(d => d.ConsentLetterId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(d => d.PaperOnlyReason).HasMaxLength(200);
        builder.Property(d => d.Version).IsConcurrencyToken();
        builder.Property(d => d.Bureau).HasMaxLength(32);
        builder.Property(d => d.ElectronicRule).HasMaxLength(32);
        builder.Property(d => d.DeliveryRule).HasMaxLength(32);
        builder.Property(d => d.PaperMethod).HasMaxLength(32);
        builder.Property(d => d.ServedBy).HasMaxLength(64);
        builder.Property(d => d.ConfirmedBy).HasMaxLength(64);
        builder.Property(d => d.PaperTrackingNumber).HasMaxLength(64);
        builder.Property(d => d.PaperSignedBy).HasMaxLength(64);
        builder.Property(d => d.PaperRecordedBy).HasMaxLength(64);
        builder.Property(d => d.PaperReceiptSha256).HasMaxLength(64);
        builder.Property(d => d.PaperReceiptName).HasMaxLength(200);
        builder.Property(d => d.DeliveryRuleText).HasMaxLength(1000);
    }
}
