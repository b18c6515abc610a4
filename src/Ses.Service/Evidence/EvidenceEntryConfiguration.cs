using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ses.Service.Evidence;

/// <summary>Table <c>evidence_entries</c>: the hash-chained, append-only evidence log.</summary>
public sealed class EvidenceEntryConfiguration : IEntityTypeConfiguration<EvidenceEntry>
{
    public void Configure(EntityTypeBuilder<EvidenceEntry> e)
    {
        e.ToTable("evidence_entries");
        // The sequence is the chain position, given by the appender: a second entry at one position fails.
        e.HasKey(x => x.Sequence);
        e.Property(x => x.Sequence).ValueGeneratedNever();
        e.HasIndex(x => x.DeliveryId);
        e.HasIndex(x => x.DocumentId);
        e.HasIndex(x => x.At);
        e.Property(x => x.Event).HasMaxLength(64);
        e.Property(x => x.Action).HasMaxLength(64);
        e.Property(x => x.PdfSha256).HasMaxLength(64);
        e.Property(x => x.PreviousHash).HasMaxLength(64);
        e.Property(x => x.Hash).HasMaxLength(64);
        e.Property(x => x.Subject).HasMaxLength(128);
        e.Property(x => x.Actor).HasMaxLength(128);
        e.Property(x => x.AtUtc).HasMaxLength(40);
        e.Property(x => x.AtBeijing).HasMaxLength(40);
    }
}
