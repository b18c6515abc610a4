using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ses.Service.Evidence;

/// <summary>Table <c>evidence_entries</c>: the hash-chained, append-only evidence log.</summary>
public sealed class EvidenceEntryConfiguration : IEntityTypeConfiguration<EvidenceEntry>
{
    public void Configure(EntityTypeBuilder<EvidenceEntry> builder)
    {
        builder.ToTable("evidence_entries");
        // The sequence is the chain position, given by the appender: a second entry at one position fails.
        builder.HasKey(x => x.Sequence);
        builder.Property(x => x.Sequence).ValueGeneratedNever();
        // Entries are looked up by document (timeline, certificate, case export) and by position; no query reads them by
        // delivery or by time, so those columns carry no index (each index is written once per entry: a million deemed
        // deliveries write a million entries).
        builder.HasIndex(x => x.DocumentId);
        builder.Property(x => x.Event).HasMaxLength(64);
        builder.Property(x => x.Action).HasMaxLength(64);
        builder.Property(x => x.PdfSha256).HasMaxLength(64);
        builder.Property(x => x.PreviousHash).HasMaxLength(64);
        builder.Property(x => x.Hash).HasMaxLength(64);
        builder.Property(x => x.Subject).HasMaxLength(128);
        builder.Property(x => x.Actor).HasMaxLength(128);
        builder.Property(x => x.AtUtc).HasMaxLength(40);
        builder.Property(x => x.AtBeijing).HasMaxLength(40);
    }
}
