using Ses.Documents.Templates;
using Ses.Service.Accounts;
using Ses.Service.Alerts;
using Ses.Service.Calendar;
using Ses.Service.Cases;
using Ses.Service.Cli;
using Ses.Service.Consent;
using Ses.Service.Corrections;
using Ses.Service.Counterparties;
using Ses.Service.CounterpartyChanges;
using Ses.Service.Data;
using Ses.Service.Delivery;
using Ses.Service.Documents;
using Ses.Service.Evaluations;
using Ses.Service.Http;
using Ses.Service.Idempotency;
using Ses.Service.Issuing;
using Ses.Service.Notifications;
using Ses.Service.Observability;
using Ses.Service.OrganisationChanges;
using Ses.Service.Pages;
using Ses.Service.Records;
using Ses.Service.Registrations;
using Ses.Service.Repairs;
using Ses.Service.Signing;
using Ses.Service.Storage;
using Ses.Service.Submissions;
using Ses.Service.Units;

if (SesCommand.IsCommand(args))
{
    return await SesCommand.RunAsync(args, Console.Out, Console.Error);
}

WebApplication app;
try
{
    var builder = WebApplication.CreateBuilder(args);
    CliConfiguration.AddProgramDefaults(builder.Configuration);
    builder.AddApiErrors();
    builder.AddProxy();
    builder.AddHealth();
    builder.AddObservability();
    builder.AddDocuments();
    builder.AddSigning();
    builder.AddData();
    builder.AddIssuing();
    builder.AddIdempotency();
    builder.AddStaff();
    builder.AddUnits();
    builder.AddCounterparties();
    builder.AddRegistrations();
    builder.AddCases();
    builder.AddRecords();
    builder.AddRepairs();
    builder.AddCorrections();
    builder.AddEvaluations();
    builder.AddOrganisationChanges();
    builder.AddSubmissions();
    builder.AddCalendar();
    builder.AddDelivery();
    builder.AddNotifications();
    builder.AddAccounts();
    builder.AddApiReference();
    builder.AddPages();

    app = builder.Build();
    app.UseSigning();
    await DataSetup.MigrateAsync(app.Services);
    await DevelopmentSeed.RunAsync(app);
}
catch (Exception e) when (e is ConfigurationProblemException or SigningConfigurationException or TemplateException)
{
    // A wrong setting stops start-up with the key it names, not a stack trace.
    await Console.Error.WriteLineAsync("配置错误，服务未启动：" + e.Message);
    return 2;
}
catch (Exception e) when (StorageFull.Is(e))
{
    await Console.Error.WriteLineAsync("存储空间已满，服务未启动：数据库或文件存储所在的磁盘没有剩余空间，请清理后再启动");
    return 2;
}

app.UseProxy();
// Unexpected failures answer as problem details (API) or a Chinese error page (browser pages), never with a stack
// trace (Development's error page included).
app.UseWhen(PagesSetup.IsApi, api =>
{
    api.UseExceptionHandler();
    api.UseStatusCodePages();
});
app.UseWhen(ctx => !PagesSetup.IsApi(ctx), pages =>
{
    pages.UseExceptionHandler("/error/500");
    pages.UseStatusCodePagesWithReExecute("/error/{0}");
});
// Routing after the error handlers, so a re-executed request finds the error page.
app.UseRouting();
app.UseRequestLimits();
app.UseIdempotency();
app.UseAuthentication();
app.UseSessionCheck();
app.UseAuthorization();
app.UseMetricsEndpoint();
var api = app.MapApi();
api.MapHealth();
api.MapDocuments();
api.MapTimestampAuthority();
api.MapAuth();
api.MapStaff();
api.MapUnits();
api.MapIssuing();
api.MapCounterparties();
api.MapConsentLetters();
api.MapCounterpartyChanges();
api.MapRegistrations();
api.MapCases();
api.MapCaseFile();
api.MapRecords();
api.MapRepairs();
api.MapCorrections();
api.MapEvaluations();
api.MapOrganisationChanges();
api.MapSubmissions();
api.MapCalendar();
api.MapDelivery();
api.MapAlerts();
app.MapApiReference();
app.MapPages();
await app.RunAsync();
return 0;

/// <summary>The service host; public so integration tests can start it with WebApplicationFactory.</summary>
public partial class Program;
