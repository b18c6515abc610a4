using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc.ApiExplorer;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Ses.Service.Accounts;
using Ses.Service.Data;
using Ses.Service.Http;

namespace Ses.Service.Tests.Security;

/// <summary>
/// Every route that accepts a JSON body — found in the app's endpoints, so a new route is covered without editing this
/// test — gets malformed bodies from a user who may call it; every query value of a typed parameter gets a bad value.
/// None answers 500; every refusal is problem details with a code and a Chinese title; nothing is stored. In
/// Development and in Production.
/// </summary>
public sealed class MalformedInputTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly int[] OneNumber = [1];

    private static readonly HashSet<HttpStatusCode> Refusals =
    [
        HttpStatusCode.BadRequest, HttpStatusCode.Unauthorized, HttpStatusCode.Forbidden, HttpStatusCode.NotFound,
        HttpStatusCode.RequestEntityTooLarge, HttpStatusCode.UnsupportedMediaType,
    ];

    /// <summary>Bodies no route may accept: each is malformed JSON, the wrong shape or a null where a value is needed.</summary>
    private static IEnumerable<(string Name, byte[] Body)> Malformed(Type? requestType)
    {
        static byte[] U(string s) => Encoding.UTF8.GetBytes(s);
        yield return ("empty", []);
        yield return ("null", U("null"));
        yield return ("array", U("[]"));
        yield return ("array of numbers", U("[1,2,3]"));
        yield return ("string", U("\"text\""));
        yield return ("number", U("42"));
        yield return ("truncated", U("{\"formId\":"));
        yield return ("unclosed", U("{"));
        yield return ("garbage", U("{not json}"));
        yield return ("deep nesting", U(string.Concat(Enumerable.Repeat("[", 5000))));
        yield return ("deep object", U(string.Concat(Enumerable.Repeat("{\"a\":", 200)) + "1" + new string('}', 200)));
        yield return ("invalid UTF-8",
            [.. U("{\"formId\":\""), 0xFF, 0xFE, .. U("\",\"name\":\""), 0xC3, 0x28, .. U("\",\"data\":{\"party\":\""), 0xED, 0xA0, 0x80, .. U("\"}}")]);
        yield return ("lone surrogate",
            U("{\"formId\":\"\\ud800\",\"name\":\"\\udc00\",\"reason\":\"\\ud800\",\"userName\":\"\\ud800\",\"data\":{\"party\":\"\\ud800\"}}"));
        yield return ("data empty", U("{\"data\":{}}"));
        yield return ("formId null", U("{\"formId\":null,\"data\":{}}"));
        yield return ("contacts [null]", U("{\"kind\":\"foreign\",\"name\":\"某航空\",\"idScheme\":\"airline\",\"idValue\":\"ZZ\",\"contacts\":[null,null]}"));
        if (requestType is null || requestType == typeof(JsonElement)) yield break;
        var names = requestType.GetProperties().Select(p => JsonNamingPolicy.CamelCase.ConvertName(p.Name)).ToList();
        // Wrong types: an object or an array where the record wants a string, number, date or list.
        yield return ("objects everywhere", U(JsonSerializer.Serialize(names.ToDictionary(n => n, _ => (object)new { x = 1 }))));
        yield return ("arrays everywhere", U(JsonSerializer.Serialize(names.ToDictionary(n => n, _ => (object)OneNumber))));
        yield return ("nulls everywhere", U(JsonSerializer.Serialize(names.ToDictionary(n => n, _ => (object?)null))));
    }

    [Theory]
    [InlineData("Development")]
    [InlineData("Production")]
    public async Task EveryJsonRoute_MalformedBodies_AreRefusedWithACode_AndNothingIsStored(string environment)
    {
        using var factory = environment == "Production" ? new ProductionServiceFactory() : new DevelopmentServiceFactory();
        var users = await Users.CreateAsync(factory);
        var before = await Counts(factory);
        var routes = JsonRoutes(factory);
        Assert.True(routes.Count >= 10, $"only {routes.Count} JSON routes found");
        var failures = new List<string>();
        foreach (var route in routes)
        {
            var client = users.For(route.Endpoint);
            foreach (var (name, body) in Malformed(route.RequestType))
            {
                using var content = new ByteArrayContent(body);
                content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
                var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(route.Method), route.Path) { Content = content }, Ct);
                await Check(response, $"{route.Method} {route.Path} [{name}]", failures);
            }
            using var text = new StringContent("{}", Encoding.UTF8, "text/plain");
            await Check(await client.SendAsync(new HttpRequestMessage(new HttpMethod(route.Method), route.Path) { Content = text }, Ct),
                $"{route.Method} {route.Path} [text/plain]", failures);
            using var huge = new StringContent("{\"data\":{\"x\":\"" + new string('a', 17 * 1024 * 1024) + "\"}}", Encoding.UTF8, "application/json");
            var tooLarge = await client.SendAsync(new HttpRequestMessage(new HttpMethod(route.Method), route.Path) { Content = huge }, Ct);
            await Check(tooLarge, $"{route.Method} {route.Path} [17 MB]", failures);
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.Equal(before, await Counts(factory));
    }

    [Theory]
    [InlineData("Development")]
    [InlineData("Production")]
    public async Task EveryTypedQueryValue_BadValue_IsA400WithACode(string environment)
    {
        using var factory = environment == "Production" ? new ProductionServiceFactory() : new DevelopmentServiceFactory();
        var users = await Users.CreateAsync(factory);
        var explorer = factory.Services.GetRequiredService<IApiDescriptionGroupCollectionProvider>();
        var endpoints = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();
        var failures = new List<string>();
        var tried = 0;
        foreach (var api in explorer.ApiDescriptionGroups.Items.SelectMany(g => g.Items))
        {
            foreach (var query in api.ParameterDescriptions.Where(p => p.Source == BindingSource.Query && p.Type != typeof(string)))
            {
                var endpoint = endpoints.First(e => e.RoutePattern.RawText?.TrimStart('/') == api.RelativePath?.TrimStart('/')
                    && e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods.Contains(api.HttpMethod!) == true);
                var path = Fill(endpoint.RoutePattern.RawText!) + $"?{query.Name}=abc";
                using var request = new HttpRequestMessage(new HttpMethod(api.HttpMethod!), path);
                // A body of the type the route accepts, so the query value is the only thing wrong.
                var types = endpoint.Metadata.GetMetadata<IAcceptsMetadata>()?.ContentTypes;
                var accepts = types is { Count: > 0 } ? types[0] : "application/json";
                if (api.HttpMethod is "POST" or "PUT") request.Content = new StringContent(accepts == "application/json" ? "{}" : "", Encoding.UTF8, accepts);
                var response = await users.For(endpoint).SendAsync(request, Ct);
                tried++;
                if (response.StatusCode != HttpStatusCode.BadRequest) failures.Add($"{api.HttpMethod} {path}: {(int)response.StatusCode}");
                else if ((await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("code").GetString() != "request.query-invalid")
                    failures.Add($"{api.HttpMethod} {path}: code is not request.query-invalid");
            }
        }
        Assert.True(tried >= 3, $"only {tried} typed query values found");
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public async Task CreateDraft_NullsAndMissingData_AreFieldProblems()
    {
        using var factory = new DevelopmentServiceFactory();
        var users = await Users.CreateAsync(factory);
        var response = await users.Officer.PostAsync("/api/drafts", new StringContent("{\"formId\":null,\"data\":{}}", Encoding.UTF8, "application/json"), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal("validation", problem.GetProperty("code").GetString());
        Assert.Contains(problem.GetProperty("problems").EnumerateArray(),
            p => p.GetProperty("field").GetString() == "formId" && p.GetProperty("code").GetString() == "field.required");

        var contacts = await users.Admin.PostAsync("/api/counterparties", new StringContent(
            "{\"kind\":\"foreign\",\"name\":\"某航空\",\"idScheme\":\"airline\",\"idValue\":\"ZZ\",\"contacts\":[null,null]}",
            Encoding.UTF8, "application/json"), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, contacts.StatusCode);
        var fields = (await contacts.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("problems").EnumerateArray()
            .Select(p => p.GetProperty("field").GetString())
            .ToList();
        Assert.Contains("contacts[0]", fields);
    }

    private static async Task Check(HttpResponseMessage response, string what, List<string> failures)
    {
        var status = (int)response.StatusCode;
        if (status >= 500)
        {
            failures.Add($"{what}: {status}");
            return;
        }
        if (status < 400) return;
        if (!Refusals.Contains(response.StatusCode)) failures.Add($"{what}: unexpected {status}");
        if (response.Content.Headers.ContentType?.MediaType != "application/problem+json")
        {
            failures.Add($"{what}: {status} without problem details ({response.Content.Headers.ContentType?.MediaType})");
            return;
        }
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        if (!problem.TryGetProperty("code", out var code) || code.GetString() is not { Length: > 0 }) failures.Add($"{what}: {status} without a code");
        if (!problem.TryGetProperty("title", out var title) || !title.GetString()!.Any(c => c is >= '\u4E00' and <= '\u9FFF'))
        {
            failures.Add($"{what}: {status} title not Chinese");
        }
    }

    private sealed record JsonRoute(string Method, string Path, RouteEndpoint Endpoint, Type? RequestType);

    private static List<JsonRoute> JsonRoutes(WebApplicationFactory<Program> factory) =>
        [.. factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<IAcceptsMetadata>()?.ContentTypes.Contains("application/json") == true)
            .SelectMany(e => e.Metadata.GetMetadata<IHttpMethodMetadata>()!.HttpMethods.Select(m =>
                new JsonRoute(m, Fill(e.RoutePattern.RawText!), e, e.Metadata.GetMetadata<IAcceptsMetadata>()!.RequestType)))];

    /// <summary>A route's parameters filled: a new GUID, 1 for a number, a real form id for a name.</summary>
    private static string Fill(string pattern) =>
        Regex.Replace(pattern, @"\{(\w+)(:(\w+))?\}", m => m.Groups[3].Value switch
        {
            "guid" => Guid.NewGuid().ToString(),
            "long" or "int" => "1",
            _ => "notice-org",
        });

    private static async Task<StoredCounts> Counts(WebApplicationFactory<Program> factory)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SesDbContext>();
        return new StoredCounts(await db.Drafts.CountAsync(Ct), await db.Counterparties.CountAsync(Ct), await db.CounterpartyAccounts.CountAsync(Ct),
            await db.StaffUsers.CountAsync(Ct), await db.IssuedDocuments.CountAsync(Ct), await db.AuditEntries.CountAsync(Ct));
    }

    private sealed record StoredCounts(int Drafts, int Counterparties, int Accounts, int Staff, int Documents, int Audit);

    /// <summary>An officer, an administrator and a counterparty account of one bureau, signed in, passwords changed.</summary>
    private sealed record Users(HttpClient Officer, HttpClient Admin, HttpClient SystemAdmin, HttpClient Account, HttpClient Anonymous)
    {
        public static async Task<Users> CreateAsync(WebApplicationFactory<Program> factory)
        {
            var officer = await TestUsers.SignIn(factory, TestUsers.Create(factory, "xibei", StaffRole.Officer));
            var admin = await TestUsers.SignIn(factory, TestUsers.Create(factory, "xibei", StaffRole.Admin));
            var systemAdmin = await TestUsers.SignIn(factory, TestUsers.Create(factory, "xibei", StaffRole.SystemAdmin));
            var created = await admin.PostAsJsonAsync("/api/counterparties", new
            {
                kind = "foreign", name = "畸形输入测试航空", idScheme = "airline", idValue = "Q" + (char)('A' + Random.Shared.Next(26)), address = "",
                contacts = new[]
                {
                    new { name = "甲", mobile = "13800000011", email = (string?)null },
                    new { name = "乙", mobile = "13800000012", email = (string?)null },
                },
            }, Ct);
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            var id = (await created.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetString();
            var account = await admin.PostAsJsonAsync($"/api/counterparties/{id}/accounts",
                new { userName = "malformed_" + Guid.NewGuid().ToString("N")[..8], department = "运行部" }, Ct);
            var json = await account.Content.ReadFromJsonAsync<JsonElement>(Ct);
            var name = json.GetProperty("account").GetProperty("userName").GetString()!;
            using (var scope = factory.Services.CreateScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<SesDbContext>();
                var row = await db.CounterpartyAccounts.SingleAsync(a => a.UserName == name, Ct);
                row.PasswordHash = Passwords.Hash(TestUsers.Password);
                row.MustChangePassword = false;
                await db.SaveChangesAsync(Ct);
            }
            var accountClient = await TestUsers.SignIn(factory, name, loginPath: "/api/auth/account/login");
            return new Users(officer, admin, systemAdmin, accountClient, factory.CreateClient());
        }

        /// <summary>The client whose role the route requires (an account for /api/my, an administrator for admin routes).</summary>
        public HttpClient For(Endpoint endpoint)
        {
            var policies = endpoint.Metadata.OfType<IAuthorizeData>().Select(a => a.Policy).ToList();
            if (endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null && policies.Count == 0) return Anonymous;
            if (policies.Contains(AuthSetup.AccountPolicy)) return Account;
            if (policies.Contains(AuthSetup.SystemAdminPolicy)) return SystemAdmin;
            if (policies.Contains(AuthSetup.AdminPolicy) || policies.Contains(AuthSetup.AlertsPolicy) || policies.Contains(AuthSetup.AdminOrLegalPolicy))
            {
                return Admin;
            }
            return policies.Count == 0 ? Anonymous : Officer;
        }
    }

    /// <summary>
    /// Every member of every JSON route's request record (and the records in it) has a Chinese name for the API's field
    /// problems (<see cref="FieldLabels"/>): a new member without one fails here, not in a message to a person.
    /// </summary>
    [Fact]
    public void EveryRequestMember_HasAChineseNameForFieldProblems()
    {
        using var factory = new DevelopmentServiceFactory();
        var types = JsonRoutes(factory).Select(r => r.RequestType).OfType<Type>().Distinct().ToList();
        Assert.True(types.Count >= 10, $"only {types.Count} request types found");
        var seen = new HashSet<Type>();
        var missing = types.SelectMany(t => Members(t, seen)).Where(m => !FieldLabels.Names.ContainsKey(m.Name))
            .Select(m => $"{m.Owner.Name}.{m.Name}").Distinct().ToList();
        Assert.True(missing.Count == 0, "no Chinese name: " + string.Join(", ", missing));

        static IEnumerable<(Type Owner, string Name)> Members(Type type, HashSet<Type> seen)
        {
            if (type.Assembly != typeof(FieldLabels).Assembly || !seen.Add(type)) yield break;
            foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
            {
                if (property.GetIndexParameters().Length > 0) continue;
                var member = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
                // Dates, numbers and flags are never a text problem and never "required" (RequestChecks skips value types).
                if (member.IsValueType && member != typeof(JsonElement)) continue;
                yield return (type, JsonNamingPolicy.CamelCase.ConvertName(property.Name));
                var element = member.IsArray ? member.GetElementType() : member.IsGenericType ? member.GetGenericArguments()[0] : member;
                if (element is null) continue;
                foreach (var inner in Members(element, seen)) yield return inner;
            }
        }
    }

    /// <summary>
    /// A page's form that cannot be read (broken multipart, a body over Kestrel's limit), on a real Kestrel as a browser
    /// or a script would send it, without signing in: the Chinese 400 or 413 page, never 「服务出错」, and nothing stored.
    /// </summary>
    [Fact]
    public async Task PageForms_UnreadableOrTooLarge_AreChinese400And413Pages_NotErrors()
    {
        using var factory = new DevelopmentServiceFactory(Directory.CreateTempSubdirectory("ses-forms-").FullName, owns: true);
        // Kestrel's body limit lowered from its 30 MB so the client can send the whole body before the answer comes.
        factory.UseKestrel(o =>
        {
            o.Listen(IPAddress.Loopback, 0);
            o.Limits.MaxRequestBodySize = 64 * 1024;
        });
        factory.StartServer();
        var address = factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses
            .Select(a => new Uri(a)).First(a => a.Port != 0);
        using var client = new HttpClient { BaseAddress = address };

        foreach (var path in (string[])["/signin/staff", "/registration?handler=Submit"])
        {
            using var broken = new ByteArrayContent(Encoding.ASCII.GetBytes("--zz\r\nbroken"));
            broken.Headers.ContentType = MediaTypeHeaderValue.Parse("multipart/form-data; boundary=zz");
            using var response = await client.PostAsync(path, broken, Ct);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var html = await response.Content.ReadAsStringAsync(Ct);
            Assert.Contains("请求无效", html);
            Assert.DoesNotContain("服务出错", html);
            Assert.DoesNotContain("Exception", html);
        }

        using var large = new MultipartFormDataContent("yy") { { new ByteArrayContent(new byte[128 * 1024]), "Licence", "a.pdf" } };
        using var tooLarge = await client.PostAsync("/registration?handler=Submit", large, Ct);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooLarge.StatusCode);
        Assert.Contains("提交的内容过大", await tooLarge.Content.ReadAsStringAsync(Ct));

        using var scope = factory.Services.CreateScope();
        Assert.Equal(0, await scope.ServiceProvider.GetRequiredService<SesDbContext>().Registrations.CountAsync(Ct));
    }
}
