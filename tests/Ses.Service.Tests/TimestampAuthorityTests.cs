using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Org.BouncyCastle.Math;
using Org.BouncyCastle.Tsp;
using Ses.Service.Accounts;

namespace Ses.Service.Tests;

/// <summary>The in-process RFC 3161 TSA over HTTP, in Development with development certificates in a temporary folder.</summary>
public sealed class TimestampAuthorityTests : IClassFixture<ServiceFixture>
{
    private readonly ServiceFixture _factory;

    public TimestampAuthorityTests(ServiceFixture factory) => _factory = factory;

    [Fact]
    public async Task Post_TimestampQuery_IsGrantedWithAMatchingImprint()
    {
        var imprint = SHA256.HashData("document"u8);
        var generator = new TimeStampRequestGenerator();
        generator.SetCertReq(true);
        var request = generator.Generate(TspAlgorithms.Sha256, imprint, BigInteger.ValueOf(42));
        using var content = new ByteArrayContent(request.GetEncoded());
        content.Headers.ContentType = new MediaTypeHeaderValue("application/timestamp-query");
        // Signed-in staff only (SigningSecurityTests: anonymous is refused).
        var client = await TestUsers.SignIn(_factory, TestUsers.Create(_factory, "xibei", StaffRole.Officer));
        var response = await client.PostAsync("/tsa", content, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/timestamp-reply", response.Content.Headers.ContentType?.MediaType);
        var reply = new TimeStampResponse(await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
        reply.Validate(request);
        Assert.Equal(0, reply.Status);
        Assert.Equal(imprint, reply.TimeStampToken.TimeStampInfo.GetMessageImprintDigest());
    }

    [Fact]
    public async Task Post_WrongContentType_Is415()
    {
        var client = await TestUsers.SignIn(_factory, TestUsers.Create(_factory, "xibei", StaffRole.Officer));
        var response = await client.PostAsync("/tsa", new StringContent("x"), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }

    [Fact]
    public async Task Health_NamesTheDevelopmentKeyAndTheTsa_ToStaffOnly()
    {
        var staff = await TestUsers.SignIn(_factory, TestUsers.Create(_factory, "xibei", StaffRole.Officer));
        var health = await staff.GetFromJsonAsync<JsonElement>("/health", TestContext.Current.CancellationToken);
        Assert.Contains("DEVELOPMENT", health.GetProperty("signingKey").GetString());
        Assert.Contains("TSA", health.GetProperty("tsa").GetString());
        Assert.True(health.GetProperty("fileStoreFreeBytes").GetInt64() > 0);

        // Anyone else (here: not from this machine, not signed in) learns how things stand, not which key, folder or size.
        var anonymous = await _factory.CreateClient().GetFromJsonAsync<JsonElement>("/health", TestContext.Current.CancellationToken);
        Assert.Equal(("ok", "ok", "ok"), (anonymous.GetProperty("status").GetString(), anonymous.GetProperty("database").GetString(),
            anonymous.GetProperty("fileStore").GetString()));
        foreach (var hidden in (string[])["signingKey", "tsa", "fileStoreFreeBytes"]) Assert.False(anonymous.TryGetProperty(hidden, out _), hidden);
        Assert.DoesNotContain(_factory.Folder, anonymous.GetRawText());
    }

    [Fact]
    public async Task Render_WithSign_IsRefused_TheRouteNeverSigns()
    {
        var client = await TestUsers.SignIn(_factory, TestUsers.Create(_factory, "xibei", StaffRole.Officer));
        var response = await client.PostAsJsonAsync("/api/forms/notice-org/render?sign=true", new
        {
            party = "西安某某航空服务有限公司", actDate = "2025-01-06", actDescription = "提交虚假材料", replyDeadline = "2026-03-20",
        }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain("/ByteRange", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }
}

public sealed class StartupTests
{
    /// <summary>Starts the real service program in Production and returns its exit code and output.</summary>
    private static (int Exit, string Error) Start(params (string Key, string Value)[] environment) =>
        SesProcess.Run(Path.GetTempPath(), new Dictionary<string, string>(environment.Select(e => KeyValuePair.Create(e.Key, e.Value)))
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["Urls"] = "http://127.0.0.1:0",
        });

    [Fact]
    public void Production_WithoutASigningKey_StopsStartupNamingTheKeyWithoutAStackTrace()
    {
        var (exit, error) = Start();
        Assert.Equal(2, exit);
        Assert.Contains("Signing:Pkcs12Path", error);
        Assert.DoesNotContain("   at ", error);
    }

    [Fact]
    public void Pkcs12PathWithoutPassword_StopsStartupNamingTheKey()
    {
        var file = Path.GetTempFileName();
        try
        {
            var (exit, error) = Start(("Signing__Pkcs12Path", file), ("Signing__TsaUrl", "http://127.0.0.1:9/tsa"));
            Assert.Equal(2, exit);
            Assert.Contains("Signing:Pkcs12Password", error);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void UnknownDatabaseProvider_StopsStartupNamingTheKey()
    {
        var (exit, error) = Start(("Database__Provider", "oracle"));
        Assert.Equal(2, exit);
        Assert.Contains("Database:Provider", error);
    }
}
