using Ses.Service.Cli;
using Ses.Service.Documents;

if (args.Length > 0 && SesCommand.IsVerb(args[0]))
{
    return await SesCommand.RunAsync(args, Console.Out, Console.Error);
}

var builder = WebApplication.CreateBuilder(args);
builder.AddDocuments();

var app = builder.Build();
app.MapHealth();
app.MapDocuments();
await app.RunAsync();
return 0;

/// <summary>The service host; public so integration tests can start it with WebApplicationFactory.</summary>
public partial class Program;
