using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ses.Service.Evidence;

/// <summary>Table <c>audit_entries</c>: append-only.</summary>
public sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> e)
    {
        e.ToTable("audit_entries");
        e.HasKey(a => a.Id);
        e.Property(a => a.Actor).HasMaxLength(64);
        e.Property(a => a.Action).HasMaxLength(64);
        e.Property(a => a.Subject).HasMaxLength(128);
        e.Property(a => a.Source).HasMaxLength(64);
    }
}
