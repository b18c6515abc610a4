using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;
using Ses.Documents.Validation;
using Ses.Service.Data;
using Ses.Service.Registrations;

namespace Ses.Service.Tests.Registrations;

/// <summary>
/// The public registration routes are limited per client address and per mobile, counted in the database: a burst is answered
/// 429 with a stable code and a Chinese message, nothing of it stored, and a second instance on the same database counts the
/// same requests.
/// </summary>
public sealed class RegistrationRateLimitTests : IDisposable
{
    private readonly DevelopmentServiceFactory _factory;
    private readonly DevelopmentServiceFactory _second;

    public RegistrationRateLimitTests()
    {
        var folder = Directory.CreateTempSubdirectory("ses-reg-limit-").FullName;
        var settings = new Dictionary<string, string>
        {
            ["Registrations:SubmissionsPerAddress"] = "3", ["Registrations:CodesPerMobile"] = "2", ["Registrations:CodesPerAddress"] = "50",
        };
        _factory = new DevelopmentServiceFactory(folder, owns: true, settings: settings);
        _second = new DevelopmentServiceFactory(folder, settings: settings);
    }

    public void Dispose()
    {
        _second.Dispose();
        _factory.Dispose();
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task TooMany(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        var body = await DeliveryWorld.Json(response);
        Assert.Equal(ErrorCodes.RegistrationTooMany, body.GetProperty("code").GetString());
        Assert.Contains("频繁", body.GetProperty("title").GetString());
    }

    [Fact]
    public async Task ABurstOfRegistrationsFromOneAddress_IsAnswered429_OnEveryInstance_AndNothingOfItIsStored()
    {
        var registrant = new RegistrationWorld(_factory);
        var (request, _, _) = await registrant.NewDomesticAsync();
        await registrant.SubmittedAsync(request);
        for (var i = 0; i < 2; i++)
        {
            var (next, _, _) = await registrant.NewDomesticAsync();
            Assert.Equal(HttpStatusCode.Created, (await registrant.SubmitAsync(next)).Response.StatusCode);
        }
        var (fourth, _, _) = await registrant.NewDomesticAsync();
        var before = registrant.Counts();
        await TooMany(await registrant.Anonymous.PostAsJsonAsync("/api/registrations/", fourth, Ct));
        // The other instance reads the same counters.
        await TooMany(await new RegistrationWorld(_second).Anonymous.PostAsJsonAsync("/api/registrations/", fourth, Ct));
        Assert.Equal(before, registrant.Counts());
        Assert.Equal(3, registrant.Counts().Registrations);
    }

    [Fact]
    public async Task CodesToOneMobile_AreLimited()
    {
        var client = _factory.CreateClient();
        var mobile = RegistrationWorld.Mobile();
        for (var i = 0; i < 2; i++) Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync("/api/registrations/codes", new { mobile }, Ct)).StatusCode);
        await TooMany(await client.PostAsJsonAsync("/api/registrations/codes", new { mobile }, Ct));
        Assert.Equal(2, new RegistrationWorld(_factory).Sms(mobile).Count);
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync("/api/registrations/codes", new { mobile = RegistrationWorld.Mobile() }, Ct)).StatusCode);
    }

    [Fact]
    public async Task CodesToOneMobile_WrittenDifferently_CountAsOnePhone_AndTheCodeHoldsForEitherSpelling()
    {
        var registrant = new RegistrationWorld(_factory);
        var mobile = RegistrationWorld.Mobile();
        var code = await registrant.CodeAsync(mobile);
        var second = await registrant.Anonymous.PostAsJsonAsync("/api/registrations/codes", new { mobile = "+86 " + mobile }, Ct);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.EndsWith("+08:00", (await second.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("expiresAt").GetString());
        foreach (var spelling in (string[])["+86" + mobile, "86-" + mobile, "+86 " + mobile, "８６" + mobile])
        {
            await TooMany(await registrant.Anonymous.PostAsJsonAsync("/api/registrations/codes", new { mobile = spelling }, Ct));
        }
        // Both codes went to the phone's 11 digits; the second replaced the first and holds for the number as the form writes it.
        var texts = registrant.Sms(mobile);
        Assert.Equal(2, texts.Count);
        Assert.DoesNotContain(code, texts[1]);
        var latest = Regex.Match(texts[1], "[0-9]{6}").Value;
        var request = RegistrationWorld.Domestic("+86-" + mobile, RegistrationWorld.Mobile(), latest);
        await registrant.SubmittedAsync(request);
    }

    [Fact]
    public async Task ACodeExpiresAfterTenMinutes()
    {
        var clock = new TestClock(TestClock.Beijing(2026, 3, 9, 10));
        using var factory = new DevelopmentServiceFactory(Directory.CreateTempSubdirectory("ses-reg-expiry-").FullName, owns: true, clock);
        var registrant = new RegistrationWorld(factory);
        var (request, _, _) = await registrant.NewDomesticAsync();
        clock.Now += TimeSpan.FromMinutes(10);
        var before = registrant.Counts();
        RegistrationWorld.Problem((await registrant.SubmitAsync(request)).Body, "code", ErrorCodes.RegistrationCodeExpired);
        Assert.Equal(before, registrant.Counts());
    }

    [Theory]
    [InlineData("Registrations:CodesPerMobile", "0")]
    [InlineData("Registrations:WindowMinutes", "an hour")]
    public void AWrongLimit_IsAConfigurationProblemNamingItsKey(string key, string value)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [key] = value }).Build();
        var e = Assert.Throws<ConfigurationProblemException>(() => RegistrationOptions.Read(configuration));
        Assert.Contains(key, e.Message);
    }

    [Fact]
    public void TheLimits_HaveTheirDocumentedDefaults()
    {
        var options = RegistrationOptions.Read(new ConfigurationBuilder().Build());
        Assert.Equal((60, 5, 20, 10, 30),
            (options.WindowMinutes, options.CodesPerMobile, options.CodesPerAddress, options.SubmissionsPerAddress, options.LettersPerAddress));
    }
}
