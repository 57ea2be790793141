using Microsoft.Playwright;

namespace CsBot.Playground.Tests;

/// <summary>
/// The real host on Kestrel at 127.0.0.1 (a browser needs a real port) with a small demo portfolio, no quiet hours and
/// a delivery run every second, plus chromium driven by Playwright. One per test class. Starts nothing when the
/// browser tests are skipped (see <see cref="Chromium"/>).
/// </summary>
public sealed class PlaygroundHost : IAsyncLifetime
{
    private IPlaywright? _playwright;

    public CsBotHost Factory { get; } = new(new Dictionary<string, string?>
    {
        // The named demo accounts (Acme Corp, Initech...) are the first 16 of any portfolio.
        ["Demo:AccountCount"] = "40",
        // The wall clock runs this host, so quiet hours would make the feed depend on the time of day.
        ["Alerting:QuietHours:Enabled"] = "false",
        ["Delivery:PollCron"] = "0/1 * * * * ?",
    });

    public IBrowser Browser { get; private set; } = null!;
    public string BaseUrl { get; private set; } = "";

    public async Task InitializeAsync()
    {
        if (Chromium.SkipReason() is not null) return;
        Chromium.EnsureInstalled(Chromium.Path);

        BaseUrl = Factory.StartOnLoopback();

        // Page conditions get the same patience as the page itself: a CI machine under load is slow, not broken.
        Assertions.SetDefaultExpectTimeout(30_000);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium.Path,
            Headless = true,
            // Running as root in CI needs --no-sandbox; the rest keep chromium off the network it cannot reach here.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.CloseAsync();
        _playwright?.Dispose();
        await Factory.DisposeAsync();
    }
}
