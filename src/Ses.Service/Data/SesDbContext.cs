using Microsoft.EntityFrameworkCore;
using Ses.Service.Accounts;
using Ses.Service.Alerts;
using Ses.Service.Counterparties;
using Ses.Service.Evidence;
using Ses.Service.Issuing;
using Ses.Service.Notifications;

namespace Ses.Service.Data;

/// <summary>The service's database: SQLite by default, PostgreSQL for several instances
/// (<see cref="PostgresSesDbContext"/>, which only carries PostgreSQL's own migrations).</summary>
public class SesDbContext : DbContext
{
    public SesDbContext(DbContextOptions<SesDbContext> options) : base(options)
    {
    }

    protected SesDbContext(DbContextOptions options) : base(options)
    {
    }

    public DbSet<NumberCounter> NumberCounters => Set<NumberCounter>();

    public DbSet<IssuedDocument> IssuedDocuments => Set<IssuedDocument>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public DbSet<StaffUser> StaffUsers => Set<StaffUser>();

    public DbSet<SignInAttempt> SignInAttempts => Set<SignInAttempt>();

    public DbSet<Draft> Drafts => Set<Draft>();

    public DbSet<Counterparty> Counterparties => Set<Counterparty>();

    public DbSet<Calendar.CalendarDay> CalendarDays => Set<Calendar.CalendarDay>();

    public DbSet<CounterpartyAccount> CounterpartyAccounts => Set<CounterpartyAccount>();

    public DbSet<Delivery.DeliveryRecord> Deliveries => Set<Delivery.DeliveryRecord>();

    public DbSet<EvidenceEntry> EvidenceEntries => Set<EvidenceEntry>();

    public DbSet<AdminAlert> AdminAlerts => Set<AdminAlert>();
    public DbSet<NotificationMessage> NotificationMessages => Set<NotificationMessage>();

    protected override void OnModelCreating(ModelBuilder b)
    {
        b.Entity<NumberCounter>(e =>
        {
            e.ToTable("number_counters");
            e.HasKey(c => new { c.Bureau, c.Series, c.Year });
            e.Property(c => c.Bureau).HasMaxLength(32);
            e.Property(c => c.Series).HasMaxLength(16);
        });
        b.Entity<IssuedDocument>(e =>
        {
            e.ToTable("issued_documents");
            e.HasKey(d => d.Id);
            // A number is never given twice (GB/T 9704-2012 §7.2.5).
            e.HasIndex(d => new { d.Bureau, d.Series, d.Year, d.Sequence }).IsUnique();
            e.HasIndex(d => d.Number).IsUnique();
            e.Property(d => d.Bureau).HasMaxLength(32);
            e.Property(d => d.Series).HasMaxLength(16);
            e.Property(d => d.Number).HasMaxLength(64);
            e.Property(d => d.FormId).HasMaxLength(64);
            e.Property(d => d.Officer).HasMaxLength(64);
            e.Property(d => d.PdfSha256).HasMaxLength(64);
            e.Property(d => d.DocxSha256).HasMaxLength(64);
            e.Property(d => d.VoidReason).HasMaxLength(500);
        });
        b.Entity<AuditEntry>(e =>
        {
            e.ToTable("audit_entries");
            e.HasKey(a => a.Id);
            e.Property(a => a.Actor).HasMaxLength(64);
            e.Property(a => a.Action).HasMaxLength(64);
            e.Property(a => a.Subject).HasMaxLength(128);
            e.Property(a => a.Source).HasMaxLength(64);
        });
        b.Entity<StaffUser>(e =>
        {
            e.ToTable("staff_users");
            e.HasKey(u => u.Id);
            e.HasIndex(u => u.UserName).IsUnique();
            e.Property(u => u.UserName).HasMaxLength(64);
            e.Property(u => u.DisplayName).HasMaxLength(64);
            e.Property(u => u.Role).HasMaxLength(16);
            e.Property(u => u.Bureau).HasMaxLength(32);
            e.Property(u => u.PasswordHash).HasMaxLength(200);
            e.Property(u => u.SecurityStamp).HasMaxLength(SecurityStamps.Length);
        });
        b.Entity<SignInAttempt>(e =>
        {
            e.ToTable("sign_in_attempts");
            e.HasKey(a => a.Key);
            e.Property(a => a.Key).HasMaxLength(64);
            // Old entries of names nobody tries any more are removed by this date.
            e.HasIndex(a => a.LastAttemptAt);
        });
        b.Entity<Draft>(e =>
        {
            e.ToTable("drafts");
            e.HasKey(d => d.Id);
            e.HasIndex(d => d.Bureau);
            e.Property(d => d.Bureau).HasMaxLength(32);
            e.Property(d => d.FormId).HasMaxLength(64);
            e.Property(d => d.CreatedBy).HasMaxLength(64);
            // Optimistic concurrency: two edits of one draft, or an edit racing its issuing, cannot both win.
            e.Property(d => d.Version).IsConcurrencyToken();
        });
        b.Entity<Counterparty>(e =>
        {
            e.ToTable("counterparties");
            e.HasKey(c => c.Id);
            // One record per identifier (实施办法第五条: the identifier tells parties apart).
            e.HasIndex(c => new { c.IdScheme, c.IdValue }).IsUnique();
            e.HasIndex(c => c.SupervisingBureau);
            foreach (var p in new[] { "Kind", "IdScheme", "SupervisingBureau" }) e.Property(p).HasMaxLength(32);
            foreach (var p in new[] { "Name", "Address" }) e.Property(p).HasMaxLength(200);
            foreach (var p in new[] { "IdValue", "Contact1Name", "Contact1Mobile", "Contact2Name", "Contact2Mobile" }) e.Property(p).HasMaxLength(64);
            foreach (var p in new[] { "Contact1Email", "Contact2Email" }) e.Property(p).HasMaxLength(254);
        });
        b.Entity<CounterpartyAccount>(e =>
        {
            e.ToTable("counterparty_accounts");
            e.HasKey(a => a.Id);
            e.HasIndex(a => a.UserName).IsUnique();
            e.HasIndex(a => a.CounterpartyId);
            e.HasOne<Counterparty>().WithMany().HasForeignKey(a => a.CounterpartyId);
            e.Property(a => a.UserName).HasMaxLength(64);
            e.Property(a => a.Department).HasMaxLength(64);
            e.Property(a => a.PasswordHash).HasMaxLength(200);
            e.Property(a => a.SecurityStamp).HasMaxLength(SecurityStamps.Length);
        });
        b.Entity<Calendar.CalendarDay>(e =>
        {
            e.ToTable("calendar_days");
            e.HasKey(d => d.Date);
            e.Property(d => d.Name).HasMaxLength(64);
            e.Property(d => d.Source).HasMaxLength(128);
            e.Property(d => d.ImportedBy).HasMaxLength(64);
        });
        b.Entity<Delivery.DeliveryRecord>(e =>
        {
            e.ToTable("deliveries");
            e.HasKey(d => d.Id);
            // One service per document: serving twice is refused.
            e.HasIndex(d => d.DocumentId).IsUnique();
            e.HasIndex(d => d.CounterpartyId);
            e.HasIndex(d => new { d.Bureau, d.ServedAt });
            e.HasIndex(d => new { d.ElectronicOn, d.DeemedOn });
            e.HasOne<IssuedDocument>().WithMany().HasForeignKey(d => d.DocumentId);
            e.HasOne<Counterparty>().WithMany().HasForeignKey(d => d.CounterpartyId);
            e.Property(d => d.Version).IsConcurrencyToken();
            foreach (var p in new[] { "Bureau", "ElectronicRule", "DeliveryRule", "PaperMethod" }) e.Property(p).HasMaxLength(32);
            foreach (var p in new[] { "ServedBy", "ConfirmedBy", "PaperTrackingNumber", "PaperSignedBy", "PaperRecordedBy", "PaperReceiptSha256" }) e.Property(p).HasMaxLength(64);
            e.Property(d => d.PaperReceiptName).HasMaxLength(200);
            e.Property(d => d.DeliveryRuleText).HasMaxLength(1000);
        });
        b.Entity<EvidenceEntry>(e =>
        {
            e.ToTable("evidence_entries");
            // The sequence is the chain position, given by the appender: a second entry at one position fails.
            e.HasKey(x => x.Sequence);
            e.Property(x => x.Sequence).ValueGeneratedNever();
            e.HasIndex(x => x.DeliveryId);
            e.HasIndex(x => x.DocumentId);
            e.HasIndex(x => x.At);
            foreach (var p in new[] { "Event", "Action" }) e.Property(p).HasMaxLength(64);
            foreach (var p in new[] { "PdfSha256", "PreviousHash", "Hash" }) e.Property(p).HasMaxLength(64);
            e.Property(x => x.Subject).HasMaxLength(128);
            e.Property(x => x.Actor).HasMaxLength(128);
            foreach (var p in new[] { "AtUtc", "AtBeijing" }) e.Property(p).HasMaxLength(40);
        });
        b.Entity<AdminAlert>(e =>
        {
            e.ToTable("admin_alerts");
            e.HasKey(a => a.Id);
            e.HasIndex(a => a.Key).IsUnique();
            e.Property(a => a.Key).HasMaxLength(128);
            e.Property(a => a.Message).HasMaxLength(1000);
            e.Property(a => a.AcknowledgedBy).HasMaxLength(64);
        });
        b.Entity<NotificationMessage>(e =>
        {
            e.ToTable("notification_messages");
            e.HasKey(m => m.Id);
            // The dispatcher's question: unsent messages due by now.
            e.HasIndex(m => new { m.SentAt, m.NextAttemptAt });
            e.HasIndex(m => m.DeliveryId);
            foreach (var p in new[] { "Kind", "Channel" }) e.Property(p).HasMaxLength(16);
            e.Property(m => m.Recipient).HasMaxLength(254);
            e.Property(m => m.RecipientName).HasMaxLength(64);
            e.Property(m => m.LastError).HasMaxLength(1000);
            e.Property(m => m.ProviderAnswer).HasMaxLength(500);
            e.Property(m => m.ClaimedBy).HasMaxLength(128);
        });
        b.Entity<IssuedDocument>().Property(d => d.Party).HasMaxLength(200);
        b.Entity<IssuedDocument>().HasIndex(d => d.DraftId).IsUnique();
        if (Database.IsSqlite())
        {
            // SQLite has no DateTimeOffset type: store UTC ticks, which order and compare correctly.
            foreach (var entity in b.Model.GetEntityTypes())
            {
                foreach (var property in entity.GetProperties().Where(p => p.ClrType == typeof(DateTimeOffset) || p.ClrType == typeof(DateTimeOffset?)))
                {
                    property.SetValueConverter(new Microsoft.EntityFrameworkCore.Storage.ValueConversion.DateTimeOffsetToBinaryConverter());
                }
            }
        }
    }
}
