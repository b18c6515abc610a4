using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Ses.Service.Counterparties;
using Ses.Service.Issuing;

namespace Ses.Service.Delivery;

/// <summary>Table <c>deliveries</c>.</summary>
public sealed class DeliveryRecordConfiguration : IEntityTypeConfiguration<DeliveryRecord>
{
    public void Configure(EntityTypeBuilder<DeliveryRecord> e)
    {
        e.ToTable("deliveries");
        e.HasKey(d => d.Id);
        // One service per document: serving twice is refused.
        e.HasIndex(d => d.DocumentId).IsUnique();
        e.HasIndex(d => d.CounterpartyId);
        e.HasIndex(d => new { d.Bureau, d.ServedAt });
        e.HasIndex(d => new { d.ElectronicOn, d.DeemedOn });
        e.HasOne<IssuedDocument>().WithMany().HasForeignKey(d => d.DocumentId);
        e.HasOne<Counterparty>().WithMany().HasForeignKey(d => d.CounterpartyId);
        e.Property(d => d.Version).IsConcurrencyToken();
        e.Property(d => d.Bureau).HasMaxLength(32);
        e.Property(d => d.ElectronicRule).HasMaxLength(32);
        e.Property(d => d.DeliveryRule).HasMaxLength(32);
        e.Property(d => d.PaperMethod).HasMaxLength(32);
        e.Property(d => d.ServedBy).HasMaxLength(64);
        e.Property(d => d.ConfirmedBy).HasMaxLength(64);
        e.Property(d => d.PaperTrackingNumber).HasMaxLength(64);
        e.Property(d => d.PaperSignedBy).HasMaxLength(64);
        e.Property(d => d.PaperRecordedBy).HasMaxLength(64);
        e.Property(d => d.PaperReceiptSha256).HasMaxLength(64);
        e.Property(d => d.PaperReceiptName).HasMaxLength(200);
        e.Property(d => d.DeliveryRuleText).HasMaxLength(1000);
    }
}
