using System.Net.Http.Headers;

namespace Ses.Service.Tests.MultiInstance;

/// <summary>
/// Two in-process instances on one throw-away PostgreSQL database, each with its own folder (file store included) as
/// on two machines; only the development certificates are shared, as a deployment shares its signing key.
/// </summary>
internal sealed class TwoInstances : IDisposable
{
    private readonly PostgresTestDatabase _postgres = new();
    private readonly string _root = Directory.CreateTempSubdirectory("ses-two-").FullName;

    public TwoInstances()
    {
        var settings = _postgres.Settings();
        settings["Signing:DevelopmentCertificatesPath"] = Path.Combine(_root, "certs");
        A = new DevelopmentServiceFactory(Path.Combine(_root, "a"), settings: settings);
        B = new DevelopmentServiceFactory(Path.Combine(_root, "b"), settings: settings);
        // Both running before anybody signs in, as behind a load balancer.
        _ = A.Server;
        _ = B.Server;
    }

    public DevelopmentServiceFactory A { get; }

    public DevelopmentServiceFactory B { get; }

    public string ConnectionString => _postgres.ConnectionString();

    public void Dispose()
    {
        A.Dispose();
        B.Dispose();
        _postgres.Dispose();
        Directory.Delete(_root, recursive: true);
    }
}

/// <summary>Cookies carried by hand from one instance's answers to another instance's requests.</summary>
internal sealed class CookieJar
{
    private readonly Dictionary<string, string> _cookies = new(StringComparer.Ordinal);

    public void Take(HttpResponseMessage response)
    {
        if (!response.Headers.TryGetValues("Set-Cookie", out var values)) return;
        foreach (var value in values)
        {
            var pair = value.Split(';', 2)[0];
            var eq = pair.IndexOf('=', StringComparison.Ordinal);
            var name = pair[..eq];
            var content = pair[(eq + 1)..];
            if (content.Length == 0) _cookies.Remove(name);
            else _cookies[name] = content;
        }
    }

    public bool Has(string name) => _cookies.ContainsKey(name);

    public void Put(HttpRequestHeaders headers) => headers.Add("Cookie", string.Join("; ", _cookies.Select(c => $"{c.Key}={c.Value}")));
}
