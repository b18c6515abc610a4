using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using PlaywrightDriver = Microsoft.Playwright.Playwright;

namespace Ses.Service.Tests.Pages;

/// <summary>
/// The service listening on a loopback port (Kestrel, not the in-memory test server) with its own SQLite database as in
/// <see cref="DevelopmentServiceFactory"/>, and Debian's headless Chromium driven by Playwright. Each
/// <see cref="NewPageAsync"/> is a fresh browser context: its own cookies, as a different person's browser.
/// </summary>
internal sealed class BrowserHost : IAsyncDisposable
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private readonly List<IBrowserContext> _contexts = [];

    private BrowserHost(DevelopmentServiceFactory factory, Uri address, IPlaywright playwright, IBrowser browser, string screenshots)
    {
        Factory = factory;
        Address = address;
        Playwright = playwright;
        Browser = browser;
        Screenshots = screenshots;
    }

    public DevelopmentServiceFactory Factory { get; }

    public Uri Address { get; }

    public IPlaywright Playwright { get; }

    public IBrowser Browser { get; }

    /// <summary>Where the screenshots of this run go (TestResults/screenshots beside the test assembly).</summary>
    public string Screenshots { get; }

    /// <summary>
    /// Skips the test with the reason where Chromium is not installed — or fails it when SES_REQUIRE_ALL=1 (.ci/run),
    /// which installs it.
    /// </summary>
    public static void RequireChromium()
    {
        if (File.Exists(ChromiumPath)) return;
        const string reason = $"Chromium is not installed at {ChromiumPath} (Debian package chromium; .ci/run installs it)";
        if (Environment.GetEnvironmentVariable("SES_REQUIRE_ALL") == "1") Assert.Fail(reason + " and SES_REQUIRE_ALL=1");
        Assert.Skip(reason);
    }

    public static async Task<BrowserHost> StartAsync(TimeProvider? time = null)
    {
        RequireChromium();
        var factory = new DevelopmentServiceFactory(Directory.CreateTempSubdirectory("ses-pages-").FullName, owns: true, time);
        factory.UseKestrel(0);
        factory.StartServer();
        var address = factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses
            .Select(a => new Uri(a)).First(a => a.Port != 0);
        var playwright = await PlaywrightDriver.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            // Root in a container needs --no-sandbox; nothing may reach outside the machine.
            Args =
            [
                "--no-sandbox", "--disable-background-networking", "--disable-component-update", "--disable-default-apps", "--disable-sync",
                "--no-first-run", "--disable-domain-reliability", "--disable-client-side-phishing-detection", "--disable-breakpad",
                "--disable-dev-shm-usage", "--disable-features=Translate,MediaRouter,OptimizationHints,AutofillServerCommunication",
            ],
        });
        var screenshots = Path.Combine(AppContext.BaseDirectory, "TestResults", "screenshots");
        Directory.CreateDirectory(screenshots);
        return new BrowserHost(factory, address, playwright, browser, screenshots);
    }

    /// <summary>A new browser (own cookies) on the service; <paramref name="width"/> 390 is a phone.</summary>
    public async Task<IPage> NewPageAsync(int width = 1280, int height = 900, bool javaScript = false)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = Address.ToString().TrimEnd('/'),
            Locale = "zh-CN",
            TimezoneId = "Asia/Shanghai",
            ViewportSize = new ViewportSize { Width = width, Height = height },
            AcceptDownloads = true,
            JavaScriptEnabled = javaScript, // off unless a test measures the page: the pages must work without it
        });
        context.SetDefaultTimeout(15_000);
        _contexts.Add(context);
        return await context.NewPageAsync();
    }

    /// <summary>A full-page screenshot saved as test output; with SES_DOC_SCREENSHOTS=1 also into docs/screenshots for the README.</summary>
    public async Task ScreenshotAsync(IPage page, string name, bool forDocs = false)
    {
        var file = Path.Combine(Screenshots, name + ".png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = file, FullPage = true });
        TestContext.Current.AddAttachment(name + ".png", await File.ReadAllBytesAsync(file), "image/png");
        if (forDocs && Environment.GetEnvironmentVariable("SES_DOC_SCREENSHOTS") == "1" && RepositoryRoot() is { } root)
        {
            var docs = Path.Combine(root, "docs", "screenshots");
            Directory.CreateDirectory(docs);
            File.Copy(file, Path.Combine(docs, name + ".png"), overwrite: true);
        }
    }

    private static string? RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Ses.sln"))) return dir.FullName;
        }
        return null;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var c in _contexts) await c.CloseAsync();
        await Browser.CloseAsync();
        Playwright.Dispose();
        await Factory.DisposeAsync();
    }
}
