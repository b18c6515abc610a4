using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ses.Service.Notifications;

/// <summary>Table <c>notification_messages</c>: the outbox.</summary>
public sealed class NotificationMessageConfiguration : IEntityTypeConfiguration<NotificationMessage>
{
    public void Configure(EntityTypeBuilder<NotificationMessage> e)
    {
        e.ToTable("notification_messages");
        e.HasKey(m => m.Id);
        // The dispatcher's question: unsent messages due by now.
        e.HasIndex(m => new { m.SentAt, m.NextAttemptAt });
        e.HasIndex(m => m.DeliveryId);
        e.Property(m => m.Kind).HasMaxLength(16);
        e.Property(m => m.Channel).HasMaxLength(16);
        e.Property(m => m.Recipient).HasMaxLength(254);
        e.Property(m => m.RecipientName).HasMaxLength(64);
        e.Property(m => m.LastError).HasMaxLength(1000);
        e.Property(m => m.ProviderAnswer).HasMaxLength(500);
        e.Property(m => m.ClaimedBy).HasMaxLength(128);
    }
}
