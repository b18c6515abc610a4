using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ses.Service.Notifications;

/// <summary>Table <c>notification_messages</c>: the outbox.</summary>
public sealed class NotificationMessageConfiguration : IEntityTypeConfiguration<NotificationMessage>
{
    public void Configure(EntityTypeBuilder<NotificationMessage> builder)
    {
        builder.ToTable("notification_messages");
        builder.HasKey(m => m.Id);
        // The dispatcher's question: unsent messages due by now.
        builder.HasIndex(m => new { m.SentAt, m.NextAttemptAt });
        builder.HasIndex(m => m.DeliveryId);
        builder.Property(m => m.Kind).HasMaxLength(16);
        builder.Property(m => m.Channel).HasMaxLength(16);
        builder.Property(m => m.Recipient).HasMaxLength(254);
        builder.Property(m => m.RecipientName).HasMaxLength(64);
        builder.Property(m => m.LastError).HasMaxLength(1000);
        builder.Property(m => m.ProviderAnswer).HasMaxLength(500);
        builder.Property(m => m.ClaimedBy).HasMaxLength(128);
    }
}
