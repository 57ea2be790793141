using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace CsBot.Playground.Tests;

/// <summary>
/// The real host on Kestrel at 127.0.0.1 (a browser needs a real port) with a small demo portfolio, no quiet hours and
/// a delivery run every second, plus Debian's chromium driven by Playwright. One per test class.
/// </summary>
public sealed class PlaygroundHost : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private IPlaywright? _playwright;

    public PlaygroundFactory Factory { get; } = new();
    public IBrowser Browser { get; private set; } = null!;
    public string BaseUrl { get; private set; } = "";

    public async Task InitializeAsync()
    {
        // Not a skip: CI installs chromium (.ci/run), so a missing browser is a broken machine, not an optional test.
        if (!File.Exists(ChromiumPath))
            throw new InvalidOperationException($"The playground browser tests need Debian's chromium at {ChromiumPath}. Install it with: apt-get install -y chromium");

        Factory.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        Factory.StartServer();
        var addresses = Factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        BaseUrl = addresses.Single();

        // Page conditions get the same patience as the page itself: a CI machine under load is slow, not broken.
        Assertions.SetDefaultExpectTimeout(30_000);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
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

/// <summary>The host on a fresh LiteDB file in a temp folder, quiet console, settings for a quick feed.</summary>
public sealed class PlaygroundFactory : WebApplicationFactory<Program>
{
    public string Folder { get; } = Path.Combine(Path.GetTempPath(), "csbot-playground-" + Guid.NewGuid().ToString("N"));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        Directory.CreateDirectory(Folder);
        var settings = new Dictionary<string, string>
        {
            ["Storage:DatabasePath"] = Path.Combine(Folder, "csbot.db"),
            ["LocalChat:WriteToConsole"] = "false",
            ["LocalChat:LogFile"] = Path.Combine(Folder, "local-chat.log"),
            ["LocalChat:ConsolePrompt"] = "false",
            // The named demo accounts (Acme Corp, Initech...) are the first 16 of any portfolio.
            ["Demo:AccountCount"] = "40",
            // The wall clock runs this host, so quiet hours would make the feed depend on the time of day.
            ["Alerting:QuietHours:Enabled"] = "false",
            ["Delivery:PollCron"] = "0/1 * * * * ?",
        };
        foreach (var (key, value) in settings) builder.UseSetting(key, value);
        builder.UseEnvironment("Testing");
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by a finishing background thread is left for the OS temp cleaner.
        }
    }
}
