using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ses.Service.Idempotency;

public sealed class IdempotentRequestConfiguration : IEntityTypeConfiguration<IdempotentRequest>
{
    public void Configure(EntityTypeBuilder<IdempotentRequest> builder)
    {
        builder.ToTable("IdempotentRequests");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Caller).HasMaxLength(80);
        builder.Property(r => r.Key).HasMaxLength(IdempotencyKey.MaxLength);
        builder.Property(r => r.Fingerprint).HasMaxLength(64);
        builder.Property(r => r.ContentType).HasMaxLength(200);
        builder.Property(r => r.Location).HasMaxLength(400);
        // One claim per caller and key, on every instance: the database decides which request runs.
        builder.HasIndex(r => new { r.Caller, r.Key }).IsUnique();
        // The purge of keys past their retention (IdempotencyStore).
        builder.HasIndex(r => r.StartedAt);
    }
}
