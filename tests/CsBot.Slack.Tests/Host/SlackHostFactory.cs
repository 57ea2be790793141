using System.Net.Http.Headers;
using System.Text;
using CsBot.Slack.Inbound;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace CsBot.Slack.Tests.Host;

/// <summary>
/// Boots the real CsBot host with Slack configured against a <see cref="FakeSlack"/>, on a temp LiteDB with a small
/// demo portfolio, and sends Slack-signed requests to it.
/// </summary>
public sealed class SlackHostFactory : WebApplicationFactory<Program>
{
    public const string SigningSecret = "test-signing-secret-0123456789";

    private readonly Dictionary<string, string?> _settings;
    private readonly Action<IServiceCollection> _services;

    public SlackHostFactory(FakeSlack slack, IDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null)
    {
        Folder = Directory.CreateTempSubdirectory("csbot-slack-").FullName;
        _services = services ?? (_ => { });
        _settings = new Dictionary<string, string?>
        {
            ["Storage:DatabasePath"] = Path.Combine(Folder, "csbot.db"),
            ["LocalChat:WriteToConsole"] = "false",
            ["LocalChat:LogFile"] = "",
            ["LocalChat:ConsolePrompt"] = "false",
            ["Scheduling:EvaluateAtStartup"] = "false",
            ["Reminders:RunAtStartup"] = "false",
            ["Demo:AccountCount"] = "40",
            ["Demo:HistoryDays"] = "35",
            ["Slack:BotToken"] = "xoxb-test-token",
            ["Slack:SigningSecret"] = SigningSecret,
            ["Slack:ApiBaseUrl"] = slack.ApiUrl,
            ["Slack:AllowedTeamIds"] = FakeSlack.TeamId,
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) _settings[key] = value;
    }

    public string Folder { get; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (key, value) in _settings) builder.UseSetting(key, value);
        builder.UseEnvironment("Testing");
        builder.ConfigureTestServices(_services);
    }

    public static HttpRequestMessage Signed(string path, string body, string contentType, DateTimeOffset? at = null, string secret = SigningSecret)
    {
        var timestamp = (at ?? DateTimeOffset.UtcNow).ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(body, Encoding.UTF8) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        request.Headers.Add(SlackSignatureVerifier.TimestampHeader, timestamp);
        request.Headers.Add(SlackSignatureVerifier.SignatureHeader, SlackSignatureVerifier.Sign(secret, timestamp, Encoding.UTF8.GetBytes(body)));
        return request;
    }

    public static string Form(params (string Key, string Value)[] fields) =>
        string.Join('&', fields.Select(f => $"{Uri.EscapeDataString(f.Key)}={Uri.EscapeDataString(f.Value)}"));

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
