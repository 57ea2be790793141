using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace CsBot.Teams.Tests;

/// <summary>
/// Boots the real host with Teams on (local mode unless a test gives credentials), on a temp LiteDB file with a
/// small demo portfolio. The test server has no client address, so one is set per request: loopback unless a
/// test says otherwise, which is how the loopback-only rule of local mode is exercised.
/// </summary>
public sealed class TeamsHostFactory : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings;
    private readonly Action<IServiceCollection>? _services;

    public TeamsHostFactory(IDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null)
    {
        Folder = Path.Combine(Path.GetTempPath(), "csbot-teams-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Folder);
        _services = services;
        _settings = new Dictionary<string, string?>
        {
            ["Storage:DatabasePath"] = Path.Combine(Folder, "csbot.db"),
            ["LocalChat:WriteToConsole"] = "false",
            ["LocalChat:LogFile"] = Path.Combine(Folder, "local-chat.log"),
            ["LocalChat:ConsolePrompt"] = "false",
            ["Demo:AccountCount"] = "30",
            ["Demo:HistoryDays"] = "14",
            ["Teams:EnableLocalMode"] = "true",
            ["Reminders:RunAtStartup"] = "false",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) _settings[key] = value;
    }

    public string Folder { get; }

    /// <summary>The client address requests appear to come from.</summary>
    public IPAddress ClientAddress { get; set; } = IPAddress.Loopback;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (key, value) in _settings) builder.UseSetting(key, value);
        builder.UseEnvironment("Testing");
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<IStartupFilter>(new ClientAddressFilter(this));
            _services?.Invoke(services);
        });
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (!disposing) return;
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by a finishing background thread is left for the OS temp cleaner.
        }
    }

    private sealed class ClientAddressFilter(TeamsHostFactory factory) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                context.Connection.RemoteIpAddress = factory.ClientAddress;
                return nextMiddleware(context);
            });
            next(app);
        };
    }
}
