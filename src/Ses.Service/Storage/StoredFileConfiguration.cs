using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ses.Service.Storage;

public sealed class StoredFileConfiguration : IEntityTypeConfiguration<StoredFile>
{
    public const string Table = "StoredFiles";

    public void Configure(EntityTypeBuilder<StoredFile> builder)
    {
        builder.ToTable(Table);
        builder.HasKey(f => f.Sha256);
        builder.Property(f => f.Sha256).HasMaxLength(64);
    }
}
