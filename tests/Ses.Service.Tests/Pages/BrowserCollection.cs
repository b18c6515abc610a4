namespace Ses.Service.Tests.Pages;

/// <summary>
/// The browser tests run one at a time and apart from the other tests: each starts a server and a Chromium, and on a
/// two-core machine they would starve the timing-sensitive tests (parallel issuing on SQLite) running beside them.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class BrowserCollection
{
    public const string Name = "browser";
}
