using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Ses.Service.Data;

namespace Ses.Service.Tests.Security;

/// <summary>The development service on its own SQLite file, with <paramref name="interceptor"/> on every database command.</summary>
internal sealed class FailingSaveFactory(RefuseInsert interceptor)
    : DevelopmentServiceFactory(Directory.CreateTempSubdirectory("ses-svc-").FullName, owns: true)
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(s => s.ConfigureDbContext<SesDbContext>(o => o.AddInterceptors(interceptor)));
    }
}
