using System.Net.Http.Headers;
using System.Text;
using CsBot.Slack.Inbound;
using Microsoft.Extensions.DependencyInjection;

namespace CsBot.Slack.Tests.Host;

/// <summary>
/// The real CsBot host with Slack configured against a <see cref="FakeSlack"/> and a small demo portfolio, and the
/// Slack-signed requests to send it.
/// </summary>
public static class SlackHost
{
    public const string SigningSecret = "test-signing-secret-0123456789";

    public static CsBotHost Create(FakeSlack slack, IDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null)
    {
        var merged = new Dictionary<string, string?>
        {
            ["Scheduling:EvaluateAtStartup"] = "false",
            ["Reminders:RunAtStartup"] = "false",
            ["Demo:AccountCount"] = "40",
            ["Demo:HistoryDays"] = "35",
            ["Slack:BotToken"] = "xoxb-test-token",
            ["Slack:SigningSecret"] = SigningSecret,
            ["Slack:ApiBaseUrl"] = slack.ApiUrl,
            ["Slack:AllowedTeamIds"] = FakeSlack.TeamId,
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) merged[key] = value;
        return new CsBotHost(merged, services);
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
}
