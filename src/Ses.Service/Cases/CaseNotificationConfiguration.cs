using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ses.Service.Cases;

/// <summary>Table <c>case_notifications</c>.</summary>
public sealed class CaseNotificationConfiguration : IEntityTypeConfiguration<CaseNotification>
{
    public void Configure(EntityTypeBuilder<CaseNotification> builder)
    {
        builder.ToTable("case_notifications");
        builder.HasKey(n => n.Id);
        builder.HasIndex(n => n.CaseId);
        builder.Property(n => n.Kind).HasMaxLength(32);
        builder.Property(n => n.Recipient).HasMaxLength(100);
        builder.Property(n => n.Text).HasMaxLength(CaseService.FactsLength);
        builder.Property(n => n.CreatedBy).HasMaxLength(64);
        builder.Property(n => n.Method).HasMaxLength(40);
        builder.Property(n => n.SentBy).HasMaxLength(64);
        builder.Property(n => n.Version).IsConcurrencyToken();
        builder.HasOne<CreditCase>().WithMany().HasForeignKey(n => n.CaseId).OnDelete(DeleteBehavior.Restrict);
    }
}
