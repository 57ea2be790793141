using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace CsBot.Host.Tests;

/// <summary>
/// Boots the real host on a fresh LiteDB file in a temp folder, with the console sink quiet and no console
/// prompt. Extra settings override the defaults, so a test can break the configuration on purpose.
/// </summary>
public sealed class CsBotFactory : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings;

    public CsBotFactory(IDictionary<string, string?>? settings = null)
    {
        Folder = Path.Combine(Path.GetTempPath(), "csbot-host-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Folder);
        _settings = new Dictionary<string, string?>
        {
            ["Storage:DatabasePath"] = Path.Combine(Folder, "csbot.db"),
            ["LocalChat:WriteToConsole"] = "false",
            ["LocalChat:LogFile"] = Path.Combine(Folder, "local-chat.log"),
            ["LocalChat:ConsolePrompt"] = "false",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) _settings[key] = value;
    }

    public string Folder { get; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (key, value) in _settings) builder.UseSetting(key, value);
        builder.UseEnvironment("Testing");
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
}
