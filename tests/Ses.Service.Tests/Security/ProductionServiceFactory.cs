using Microsoft.AspNetCore.Hosting;
using Ses.Documents.Signing.Crypto;

namespace Ses.Service.Tests.Security;

/// <summary>
/// The service in Production (no development seed, no development certificates): the development certificates made
/// into the test's folder serve as a configured PKCS#12 key, signing without a timestamp authority.
/// </summary>
public sealed class ProductionServiceFactory : DevelopmentServiceFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        var certs = Path.Combine(Folder, "prod-certs");
        if (!File.Exists(Path.Combine(certs, "signing.p12"))) DevelopmentCertificates.Create(certs, TimeProvider.System, "民航西北地区管理局");
        builder.UseEnvironment("Production");
        builder.UseSetting("Signing:Pkcs12Path", Path.Combine(certs, "signing.p12"));
        builder.UseSetting("Signing:PasswordFile", Path.Combine(certs, "password.txt"));
        builder.UseSetting("Signing:AllowWithoutTimestamp", "true");
    }
}
