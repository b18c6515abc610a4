using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ses.Service.Issuing;

/// <summary>Table <c>drafts</c>.</summary>
public sealed class DraftConfiguration : IEntityTypeConfiguration<Draft>
{
    public void Configure(EntityTypeBuilder<Draft> e)
    {
        e.ToTable("drafts");
        e.HasKey(d => d.Id);
        e.HasIndex(d => d.Bureau);
        e.Property(d => d.Bureau).HasMaxLength(32);
        e.Property(d => d.FormId).HasMaxLength(64);
        e.Property(d => d.CreatedBy).HasMaxLength(64);
        // Optimistic concurrency: two edits of one draft, or an edit racing its issuing, cannot both win.
        e.Property(d => d.Version).IsConcurrencyToken();
    }
}
