using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Ses.Service.Accounts;
using Ses.Service.Alerts;
using Ses.Service.Calendar;
using Ses.Service.Cases;
using Ses.Service.Consent;
using Ses.Service.Corrections;
using Ses.Service.Counterparties;
using Ses.Service.CounterpartyChanges;
using Ses.Service.Delivery;
using Ses.Service.Evaluations;
using Ses.Service.Evidence;
using Ses.Service.Issuing;
using Ses.Service.Notifications;
using Ses.Service.OrganisationChanges;
using Ses.Service.Records;
using Ses.Service.Registrations;
using Ses.Service.Repairs;
using Ses.Service.Storage;
using Ses.Service.Submissions;
using Ses.Service.Units;

namespace Ses.Service.Data;

/// <summary>The service's database: SQLite by default, PostgreSQL for several instances
/// (<see cref="PostgresSesDbContext"/>, which only carries PostgreSQL's own migrations).</summary>
public class SesDbContext : DbContext, IDataProtectionKeyContext
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

    public DbSet<Unit> Units => Set<Unit>();

    public DbSet<SignInAttempt> SignInAttempts => Set<SignInAttempt>();

    public DbSet<Draft> Drafts => Set<Draft>();

    public DbSet<Counterparty> Counterparties => Set<Counterparty>();

    public DbSet<ConsentLetter> ConsentLetters => Set<ConsentLetter>();

    public DbSet<CounterpartyChange> CounterpartyChanges => Set<CounterpartyChange>();

    public DbSet<Registration> Registrations => Set<Registration>();

    public DbSet<RegistrationAccount> RegistrationAccounts => Set<RegistrationAccount>();

    public DbSet<RegistrationFile> RegistrationFiles => Set<RegistrationFile>();

    public DbSet<RegistrationCode> RegistrationCodes => Set<RegistrationCode>();

    public DbSet<RegistrationThrottle> RegistrationThrottles => Set<RegistrationThrottle>();

    public DbSet<CreditCase> CreditCases => Set<CreditCase>();

    public DbSet<CaseStep> CaseSteps => Set<CaseStep>();

    public DbSet<CasePerson> CasePersons => Set<CasePerson>();

    public DbSet<CaseNotification> CaseNotifications => Set<CaseNotification>();

    public DbSet<CreditRecord> CreditRecords => Set<CreditRecord>();

    public DbSet<RepairApplication> RepairApplications => Set<RepairApplication>();

    public DbSet<RecordCorrection> RecordCorrections => Set<RecordCorrection>();

    public DbSet<OrganisationChange> OrganisationChanges => Set<OrganisationChange>();

    public DbSet<EvaluationRound> EvaluationRounds => Set<EvaluationRound>();

    public DbSet<Evaluation> Evaluations => Set<Evaluation>();

    public DbSet<EvaluationEntry> EvaluationEntries => Set<EvaluationEntry>();

    public DbSet<EvaluationMaterial> EvaluationMaterials => Set<EvaluationMaterial>();

    public DbSet<Submission> Submissions => Set<Submission>();

    public DbSet<SubmissionFile> SubmissionFiles => Set<SubmissionFile>();

    public DbSet<CalendarDay> CalendarDays => Set<CalendarDay>();

    public DbSet<CounterpartyAccount> CounterpartyAccounts => Set<CounterpartyAccount>();

    public DbSet<DeliveryRecord> Deliveries => Set<DeliveryRecord>();

    public DbSet<EvidenceEntry> EvidenceEntries => Set<EvidenceEntry>();

    public DbSet<AdminAlert> AdminAlerts => Set<AdminAlert>();
    public DbSet<NotificationMessage> NotificationMessages => Set<NotificationMessage>();

    /// <summary>The Data Protection key ring (cookies, antiforgery and bearer tokens), shared by every instance on the database.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    /// <summary>Each entity's configuration lives beside it in its feature's folder, as an
    /// <see cref="IEntityTypeConfiguration{TEntity}"/> of this assembly.</summary>
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        // With SQLite (one instance) files stay in the folder of DiskFileStore; only PostgreSQL keeps them in a table.
        var sqlite = Database.IsSqlite();
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(SesDbContext).Assembly, t => !(sqlite && t == typeof(StoredFileConfiguration)));
        if (sqlite)
        {
            // SQLite has no DateTimeOffset type: store UTC ticks, which order and compare correctly.
            foreach (var entity in modelBuilder.Model.GetEntityTypes())
            {
                foreach (var property in entity.GetProperties().Where(p => p.ClrType == typeof(DateTimeOffset) || p.ClrType == typeof(DateTimeOffset?)))
                {
                    property.SetValueConverter(new DateTimeOffsetToBinaryConverter());
                }
            }
        }
    }
}
