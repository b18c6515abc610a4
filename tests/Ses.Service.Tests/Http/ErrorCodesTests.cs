using System.Net.Http.Json;
using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Ses.Documents.Validation;
using Ses.Service.Accounts;

namespace Ses.Service.Tests.Http;

/// <summary>
/// One catalogue of error codes (<see cref="ErrorCodes"/>) for the library and the service: no code twice, no code
/// literal anywhere else in the sources, and the codes the answers carry are the catalogue's.
/// </summary>
public sealed partial class ErrorCodesTests(ServiceFixture factory) : IClassFixture<ServiceFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly IReadOnlyDictionary<string, string> Catalogue = typeof(ErrorCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.IsLiteral && f.FieldType == typeof(string))
        .ToDictionary(f => f.Name, f => (string)f.GetRawConstantValue()!);

    /// <summary>
    /// Dotted names in the sources that are not error codes: file names, and the signature-verification vocabulary
    /// (findings of a signature report, <c>ses verify</c>), seal refusals and notification results, which are not
    /// problem answers. Audit actions (<c>Action = "…"</c>, <c>Audit(…, "…")</c>) are recognised by their line.
    /// </summary>
    private static readonly HashSet<string> NotErrorCodes =
    [
        "appsettings.json", "templates.json", "imported.csv", "cn-holidays-2020-2026.csv", "password.txt", "signing.p12", "tsa.p12", "tsa.crt",
        "root-ca.crt", "root-ca.p12", "signing-chain.pem", "signing-certificate-v2.missing", "signing-certificate-v2.mismatch",
        "recipient.invalid", "signing.draft", "signing.counterparty-form", "signing.key-mismatch", "signing.unit-key-required",
        "signing.bureau-key-required", "evidence.jsonl", "manifest.json",
        "verify.ok", "verify.unsigned", "verify.untrusted", "verify.broken", "document.modified-after-signing",
        "signature.subfilter", "signature.invalid", "signature.malformed", "signature.digest-mismatch", "signature.unsupported-algorithm",
        "signature.signer-certificate-missing", "signature.signing-time-present", "file.name", "file.base64",
        "byterange.start", "byterange.outside", "byterange.not-revision", "byterange.not-contents",
        "chain.untrusted", "chain.expired", "chain.not-yet-valid", "chain.key-usage", "chain.time-unknown",
        "timestamp.missing", "timestamp.invalid", "timestamp.untrusted", "timestamp.imprint-mismatch",
        "ses.db",
        // Metric names (Observability/SesMetrics.cs).
        "ses.issue.duration", "ses.tsa.duration", "ses.tsa.failures", "ses.issue.queue.depth", "ses.notifications.backlog", "ses.deemed.lag",
    ];

    [Fact]
    public void Catalogue_HasEveryCodeOnce_AsAStableCode()
    {
        Assert.NotEmpty(Catalogue);
        var twice = Catalogue.GroupBy(c => c.Value).Where(g => g.Count() > 1).Select(g => $"{g.Key}: {string.Join(", ", g.Select(c => c.Key))}");
        Assert.Empty(twice);
        Assert.All(Catalogue.Values, code => Assert.Matches(CodeShape(), code));
        // field.too-long and field.max-length meant the same: only the library's field.too-long remains.
        Assert.DoesNotContain("field.max-length", Catalogue.Values);
        Assert.Contains(ErrorCodes.FieldTooLong, Catalogue.Values);
    }

    [Fact]
    public void Sources_NameCodesByTheCatalogue_NeverByLiteral()
    {
        var src = Path.Combine(RepositoryRoot(), "src");
        var failures = new List<string>();
        var catalogued = Catalogue.Values.ToHashSet();
        foreach (var file in Directory.EnumerateFiles(src, "*.cs", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(src, file).Replace('\\', '/');
            if (relative.Contains("/obj/", StringComparison.Ordinal) || relative.Contains("/bin/", StringComparison.Ordinal)
                || relative.Contains("Migrations/", StringComparison.Ordinal) || relative.EndsWith("Validation/ErrorCodes.cs", StringComparison.Ordinal))
            {
                continue;
            }
            var lines = File.ReadAllLines(file);
            for (var i = 0; i < lines.Length; i++)
            {
                var line = lines[i];
                var trimmed = line.TrimStart();
                if (trimmed.StartsWith("//", StringComparison.Ordinal) || AuditLine().IsMatch(line)) continue;
                foreach (Match m in Literal().Matches(line))
                {
                    var value = m.Groups[1].Value;
                    var dotted = value.Contains('.', StringComparison.Ordinal);
                    if (catalogued.Contains(value))
                    {
                        failures.Add($"{relative}:{i + 1}: \"{value}\" — use ErrorCodes.{Catalogue.First(c => c.Value == value).Key}");
                    }
                    else if (dotted && !NotErrorCodes.Contains(value))
                    {
                        failures.Add($"{relative}:{i + 1}: \"{value}\" looks like an error code — add it to ErrorCodes");
                    }
                }
            }
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public async Task ProblemAnswers_CarryOnlyCataloguedCodes()
    {
        var codes = new List<string>();
        var world = await DeliveryWorld.CreateAsync(factory);
        var (cp, _, _) = await world.CounterpartyAsync("代码目录测试公司");
        var (docId, _) = await world.IssueAsync(cp, "代码目录测试公司");
        var anonymous = factory.CreateClient();

        await Collect(world.Officer.PostAsJsonAsync($"/api/documents/{docId}/serve", new { mode = "fax" }, Ct));
        await world.ServeAsync(docId);
        await Collect(world.Officer.PostAsJsonAsync($"/api/documents/{docId}/serve", new { }, Ct));
        await Collect(world.Officer.PostAsJsonAsync($"/api/documents/{Guid.NewGuid()}/serve", new { }, Ct));
        await Collect(world.Officer.PostAsJsonAsync($"/api/documents/{docId}/void", new { reason = "" }, Ct));
        await Collect(world.Officer.PostAsJsonAsync("/api/drafts",
            new { formId = "notice-org", data = new { party = new string('长', 400), actDate = 3 } }, Ct));
        await Collect(world.Officer.PostAsync("/api/drafts", new StringContent("{\"formId\":", Encoding.UTF8, "application/json"), Ct));
        await Collect(world.Officer.GetAsync("/api/deliveries?from=2026-02-30", Ct));
        await Collect(world.Admin.PostAsJsonAsync("/api/counterparties",
            new { kind = "x", name = "", idScheme = "uscc", idValue = "1", contacts = Array.Empty<object>() }, Ct));
        await Collect(anonymous.GetAsync("/api/register", Ct));
        await Collect(anonymous.PostAsJsonAsync("/api/auth/staff/login", new { userName = "nobody", password = "wrong" }, Ct));
        var mustChange = await TestUsers.SignIn(factory, TestUsers.Create(factory, "xibei", StaffRole.Officer, mustChange: true));
        await Collect(mustChange.GetAsync("/api/register", Ct));

        Assert.Contains(ErrorCodes.DeliveryExists, codes);
        Assert.Contains(ErrorCodes.FieldChoiceUnknown, codes);
        Assert.Contains(ErrorCodes.RequestJsonMalformed, codes);
        Assert.Contains(ErrorCodes.PasswordChangeRequired, codes);
        Assert.All(codes, code => Assert.Contains(code, Catalogue.Values));

        async Task Collect(Task<HttpResponseMessage> request)
        {
            using var response = await request;
            Assert.False(response.IsSuccessStatusCode, $"{response.RequestMessage?.RequestUri}: {response.StatusCode}");
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
            codes.Add(problem.GetProperty("code").GetString()!);
            if (problem.TryGetProperty("problems", out var problems)) codes.AddRange(problems.EnumerateArray().Select(p => p.GetProperty("code").GetString()!));
        }
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Ses.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException("Ses.sln not found above " + AppContext.BaseDirectory);
    }

    [GeneratedRegex(@"^[a-z][a-z0-9-]*(\.[a-z0-9][a-z0-9-]*)*$")]
    private static partial Regex CodeShape();

    // A C# string literal that looks like a code: lower-case words joined by dots (not an interpolation or verbatim string).
    [GeneratedRegex(@"(?<![\w$@""])""([a-z][a-z0-9-]*(?:\.[a-z0-9][a-z0-9-]*)*)""")]
    private static partial Regex Literal();

    [GeneratedRegex(@"Audit\(|Action\s*=\s*""")]
    private static partial Regex AuditLine();
}
