using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ses.Service.Issuing;

/// <summary>Table <c>issued_documents</c>: the register of numbered documents.</summary>
public sealed class IssuedDocumentConfiguration : IEntityTypeConfiguration<IssuedDocument>
{
    public void Configure(EntityTypeBuilder<IssuedDocument> builder)
    {
        builder.ToTable("issued_documents");
        builder.HasKey(d => d.Id);
        // A number is never given twice (GB/T 9704-2012 §7.2.5).
        builder.HasIndex(d => new { d.Bureau, d.Series, d.Year, d.Sequence }).IsUnique();
        builder.HasIndex(d => d.Number).IsUnique();
        // A draft is issued once.
        builder.HasIndex(d => d.DraftId).IsUnique();
        builder.Property(d => d.Bureau).HasMaxLength(32);
        builder.Property(d => d.Series).HasMaxLength(16);
        builder.Property(d => d.Number).HasMaxLength(64);
        builder.Property(d => d.FormId).HasMaxLength(64);
        builder.Property(d => d.Party).HasMaxLength(200);
        builder.Property(d => d.Officer).HasMaxLength(64);
        builder.Property(d => d.PdfSha256).HasMaxLength(64);
        builder.Property(d => d.DocxSha256).HasMaxLength(64);
        builder.Property(d => d.VoidReason).HasMaxLength(500);
    }
}
