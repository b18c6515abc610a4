using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Ses.Service.Data;

namespace Ses.Service.Tests.Security;

/// <summary>The development service on its own SQLite file, with <paramref name="interceptor"/> on every database command.</summary>
internal sealed class FailingSaveFactory(IInterceptor interceptor, TimeProvider? time = null)
    : DevelopmentServiceFactory(Directory.CreateTempSubdirectory("ses-svc-").FullName, owns: true, time: time)
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(s => s.ConfigureDbContext<SesDbContext>(o => o.AddInterceptors(interceptor)));
    }
}
