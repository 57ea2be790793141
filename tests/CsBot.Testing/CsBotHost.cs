using System.Diagnostics;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace CsBot.Testing;

/// <summary>
/// The real host on a fresh LiteDB file in its own temp folder, with the console sink quiet and no console prompt.
/// A test shapes it only the way an operator or a test double would: <paramref name="settings"/> override the
/// defaults (so a test can also break the configuration on purpose) and <paramref name="services"/> replaces
/// services after the host has registered its own. How the host wires itself stays its own business.
/// </summary>
public class CsBotHost(IDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null) : WebApplicationFactory<Program>
{
    public string Folder { get; } = Directory.CreateTempSubdirectory("csbot-test-").FullName;

    /// <summary>
    /// The address requests appear to come from; null leaves what the server reports. The in-memory test server
    /// reports none, so loopback-only and remote-client rules are exercised by setting this (also after start).
    /// </summary>
    public IPAddress? ClientAddress { get; set; }

    /// <summary>Every setting the host is started with: the quiet, temp-folder defaults overridden by the test's own.</summary>
    public IReadOnlyDictionary<string, string?> Settings => _settings ??= Merge();

    private Dictionary<string, string?>? _settings;

    /// <summary>
    /// Starts the host on Kestrel at 127.0.0.1 on a free port, for clients that need a real socket (a browser), and
    /// returns its base address.
    /// </summary>
    public string StartOnLoopback()
    {
        UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        StartServer();
        return Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (key, value) in Settings) builder.UseSetting(key, value);
        builder.UseEnvironment("Testing");
        builder.ConfigureTestServices(collection =>
        {
            collection.AddSingleton<IStartupFilter>(new ClientAddressFilter(this));
            services?.Invoke(collection);
        });
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (!disposing) return;
        WaitUntilTheDatabaseFileIsReleased();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by a finishing background thread is left for the OS temp cleaner.
        }
    }

    /// <summary>
    /// The factory stops the host and returns, while the app's entry point disposes the host's services (the database,
    /// which holds "&lt;file&gt;.lock") on its own thread; a test that starts the next host on the same file at once could
    /// find it still held, and that host would refuse to start. Waits, up to half a minute, until the lock can be taken.
    /// </summary>
    private void WaitUntilTheDatabaseFileIsReleased()
    {
        if (Settings.GetValueOrDefault("Storage:DatabasePath") is not { Length: > 0 } database) return;
        var waited = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                using var free = new FileStream(database + ".lock", FileMode.Open, FileAccess.ReadWrite, FileShare.None);
                return;
            }
            catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
            {
                return;
            }
            catch (IOException) when (waited.Elapsed < TimeSpan.FromSeconds(30))
            {
                Thread.Sleep(20);
            }
            catch (IOException)
            {
                // Still held: the next host on this file will say so when it refuses to start.
                return;
            }
        }
    }

    private Dictionary<string, string?> Merge()
    {
        var merged = new Dictionary<string, string?>
        {
            ["Storage:DatabasePath"] = Path.Combine(Folder, "csbot.db"),
            ["LocalChat:WriteToConsole"] = "false",
            ["LocalChat:LogFile"] = Path.Combine(Folder, "local-chat.log"),
            ["LocalChat:ConsolePrompt"] = "false",
            // Training in the background would compete with what a test times; tests that need a model train it themselves.
            ["Scheduling:TrainChurnModelAtStartup"] = "false",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) merged[key] = value;
        return merged;
    }

    private sealed class ClientAddressFilter(CsBotHost host) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((HttpContext context, Func<Task> nextMiddleware) =>
            {
                if (host.ClientAddress is { } address) context.Connection.RemoteIpAddress = address;
                return nextMiddleware();
            });
            next(app);
        };
    }
}
