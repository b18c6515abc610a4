using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Ses.Service.Http;

/// <summary>
/// Behind nginx on the same machine (<c>deploy/nginx/ses.conf</c>): the client's address (<c>X-Forwarded-For</c>, for
/// the audit log and the sign-in lockout) and scheme (<c>X-Forwarded-Proto</c>, for secure cookies) are taken from the
/// proxy's headers — but only when the request comes from the loopback address, and only the last hop. A client that
/// reaches the service directly from elsewhere cannot pass itself off as another address.
/// </summary>
public static class ProxySetup
{
    public static WebApplicationBuilder AddProxy(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            o.ForwardLimit = 1;
            o.KnownIPNetworks.Clear();
            o.KnownProxies.Clear();
            o.KnownProxies.Add(IPAddress.Loopback);
            o.KnownProxies.Add(IPAddress.IPv6Loopback);
        });
        return builder;
    }

    /// <summary>First in the pipeline, so everything after sees the client's address and scheme.</summary>
    public static WebApplication UseProxy(this WebApplication app)
    {
        app.UseForwardedHeaders();
        return app;
    }
}
