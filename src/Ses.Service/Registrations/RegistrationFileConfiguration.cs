using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ses.Service.Registrations;

/// <summary>Table <c>registration_files</c>.</summary>
public sealed class RegistrationFileConfiguration : IEntityTypeConfiguration<RegistrationFile>
{
    public void Configure(EntityTypeBuilder<RegistrationFile> builder)
    {
        builder.ToTable("registration_files");
        builder.HasKey(f => f.Id);
        builder.HasIndex(f => f.RegistrationId);
        builder.Property(f => f.Kind).HasMaxLength(16);
        builder.Property(f => f.FileName).HasMaxLength(100);
        builder.Property(f => f.ContentType).HasMaxLength(100);
        builder.Property(f => f.FileSha256).HasMaxLength(64);
        builder.HasOne<Registration>().WithMany().HasForeignKey(f => f.RegistrationId).OnDelete(DeleteBehavior.Cascade);
    }
}
