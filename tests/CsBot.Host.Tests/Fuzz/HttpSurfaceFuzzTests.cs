using System.Globalization;
using System.Net;
using CsBot.Application.Evaluation;
using CsBot.Core.Outbox;
using CsBot.Core.Ports;
using CsBot.Slack.Inbound;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace CsBot.Host.Tests.Fuzz;

/// <summary>
/// Thousands of generated bad requests to every HTTP surface of one host (the API with a valid write key, the local
/// chat, outbox and digest endpoints, Slack with valid signatures over garbage, Teams in local mode): none may be
/// answered with a server error, and none may change what is stored. The seed is printed; CSBOT_FUZZ_SEED replays one.
/// </summary>
public sealed class HttpSurfaceFuzzTests(ITestOutputHelper output)
{
    private const string WriteKey = "write-key-0123456789abcdef";
    private const string SigningSecret = "fuzz-signing-secret-0123456789";
    private const string Nowhere = "http://127.0.0.1:9/"; // discard port: every outbound call fails at once

    private static readonly string[] AccountFields =
    [
        "externalId", "name", "aliases", "domain", "segment", "plan", "mrr", "currency", "contractKind", "startDate", "renewalDate", "autoRenew",
        "noticePeriodDays", "owner", "manager", "churnedOn", "email", "slackUserId", "teamsUserId", "timeZone",
    ];

    /// <summary>Each ingestion route, its fields, and one field always given a value that cannot be valid, so no batch is accepted.</summary>
    private static readonly (string Path, string[] Fields, string Broken)[] Ingestion =
    [
        ("accounts", AccountFields, "startDate"),
        ("usage", ["accountExternalId", "date", "activeUsers", "monthlyActiveUsers", "licensedSeats", "logins", "keyFeatureUses"], "date"),
        ("tickets", ["externalId", "accountExternalId", "severity", "opened", "closed"], "severity"),
        ("surveys", ["externalId", "accountExternalId", "kind", "score", "date", "respondent"], "kind"),
        ("invoices", ["externalId", "accountExternalId", "amount", "currency", "issuedOn", "dueDate", "paidOn"], "issuedOn"),
        ("revenue-events", ["externalId", "accountExternalId", "kind", "mrrDelta", "currency", "date"], "kind"),
    ];

    private static readonly string[] BrokenValues = ["null", "\"\"", "12", "[]", "{}", "\"2026-02-30\"", "\"Sometimes\"", "false"];

    private static readonly string[] SlackEventFields =
        ["type", "challenge", "team_id", "event_id", "event", "user", "text", "channel", "channel_type", "ts", "thread_ts", "subtype", "bot_id", "token"];

    private static readonly string[] SlackInteractionFields =
    [
        "type", "team", "user", "id", "team_id", "container", "message_ts", "channel_id", "is_ephemeral", "channel", "message", "ts",
        "response_url", "actions", "action_id", "value", "username", "name",
    ];

    private static readonly string[] TeamsFields =
    [
        "type", "id", "timestamp", "serviceUrl", "channelId", "from", "conversation", "recipient", "text", "textFormat", "entities", "channelData",
        "value", "name", "aadObjectId", "tenantId", "conversationType", "isGroup", "action", "replyToId", "membersAdded", "mentioned", "data",
    ];

    [Fact]
    public async Task Thousands_of_bad_requests_to_every_surface_get_no_server_error_and_change_nothing()
    {
        var seed = Environment.GetEnvironmentVariable("CSBOT_FUZZ_SEED") is { Length: > 0 } given
            ? int.Parse(given, CultureInfo.InvariantCulture) : 20_261_201;
        output.WriteLine($"Fuzz seed {seed} (set CSBOT_FUZZ_SEED={seed} to replay)");
        using var host = new CsBotHost(new Dictionary<string, string?>
        {
            ["Demo:AccountCount"] = "30",
            ["Demo:HistoryDays"] = "40",
            ["Scheduling:EvaluateAtStartup"] = "false",
            ["Scheduling:RiskEvaluationCron"] = "0 0 0 1 1 ? 2099",
            ["Reminders:RunAtStartup"] = "false",
            ["Chat:Platform"] = "Local",
            ["Api:Keys:0:Name"] = "writer",
            ["Api:Keys:0:Key"] = WriteKey,
            ["Api:Keys:0:Access"] = "ReadWrite",
            ["Slack:BotToken"] = "xoxb-fuzz",
            ["Slack:SigningSecret"] = SigningSecret,
            ["Slack:ApiBaseUrl"] = Nowhere + "api/",
            ["Teams:EnableLocalMode"] = "true",
        }) { ClientAddress = IPAddress.Loopback };
        using var client = host.CreateClient();
        client.Timeout = TimeSpan.FromSeconds(30);

        // Alerts to act on, delivered to the local sink, so the store is at rest before the first bad request.
        await host.Services.GetRequiredService<RiskEvaluationService>().RunAsync(CancellationToken.None);
        var outbox = host.Services.GetRequiredService<IOutboxStore>();
        await Eventually.Until(() => outbox.Counts()[OutboxState.Pending] + outbox.Counts()[OutboxState.Delivering] == 0, "the alerts are delivered to the local sink");
        var before = StoreSnapshot.Take(host.Services);
        Assert.True(before.Alerts > 0, "the demo portfolio has alerts to press buttons on");

        var requests = Requests(new FuzzPayloads(new Random(seed))).ToList();
        var started = DateTime.UtcNow;
        var findings = await new SurfaceFuzzer(client).RunAsync(requests);
        output.WriteLine($"{requests.Count} requests in {(DateTime.UtcNow - started).TotalSeconds:0.0} s; " +
                         string.Join(", ", requests.GroupBy(r => r.Surface).Select(g => $"{g.Key} {g.Count()}")));
        var after = StoreSnapshot.Take(host.Services);

        Assert.True(findings.Count == 0,
            $"Seed {seed}: {findings.Count} of {requests.Count} requests got a server error:\n" + string.Join("\n", findings.Take(10)));
        Assert.True(before == after, $"Seed {seed}: bad requests changed the store:\nbefore {before}\nafter  {after}");
    }

    private static IEnumerable<FuzzRequest> Requests(FuzzPayloads f)
    {
        // /api/v1 ingestion with a valid write key (now and then none, or a wrong one): every batch has a broken record.
        foreach (var (path, fields, broken) in Ingestion)
            for (var i = 0; i < 150; i++)
            {
                var body = f.Body(fields, new Dictionary<string, string> { [broken] = f.Pick(BrokenValues) });
                yield return new FuzzRequest("api " + path, HttpMethod.Post, "/api/v1/" + path, body) { Sign = Key(f) };
            }

        // /api/v1 reads with odd paths and query strings.
        for (var i = 0; i < 300; i++)
        {
            var path = f.Next(3) switch
            {
                0 => "/api/v1/accounts" + f.Query(["band", "owner", "segment", "page", "pageSize"]),
                1 => "/api/v1/accounts/" + f.Segment(),
                _ => "/api/v1/metrics/" + (f.Next(2) == 0 ? f.Pick(["nrr", "grr", "NetRevenueRetention", "churn", "renewal-rate", "mrr"]) : f.Segment())
                     + f.Query(["from", "to", "segment"]),
            };
            yield return new FuzzRequest("api reads", HttpMethod.Get, path) { Sign = Key(f) };
        }

        // The local chat, its buttons, the outbox and the digest preview.
        for (var i = 0; i < 300; i++)
            yield return new FuzzRequest("local ask", HttpMethod.Post, "/api/local/ask", f.Body(["text", "user", "email", "channel"]));
        for (var i = 0; i < 300; i++)
            yield return new FuzzRequest("local actions", HttpMethod.Post, "/api/local/actions",
                f.Body(["kind", "value", "user", "messageId", "original", "email", "channel", "title", "sections", "actions", "text", "fallbackText"]));
        for (var i = 0; i < 200; i++)
        {
            var (method, path) = f.Next(4) switch
            {
                0 => (HttpMethod.Get, "/api/local/outbox" + f.Query(["state", "limit"])),
                1 => (HttpMethod.Post, "/api/local/outbox/" + f.Segment() + "/retry"),
                2 => (HttpMethod.Get, "/api/local/digest/preview" + f.Query(["channel", "segment"])),
                _ => (HttpMethod.Get, f.Pick(["/api/local/alerts", "/api/local/messages", "/api/local/outbox/counts"]) + f.Query(["state", "limit", "x"])),
            };
            yield return new FuzzRequest("local admin", method, path);
        }

        // Slack, correctly signed, so the handlers behind the signature check get the garbage.
        for (var i = 0; i < 300; i++)
        {
            var complete = f.Next(3) == 0
                ? new Dictionary<string, string> { ["command"] = "/cs", ["user_id"] = "U0FUZZ", ["response_url"] = Nowhere + "respond", ["text"] = f.Text() }
                : null;
            yield return new FuzzRequest("slack commands", HttpMethod.Post, "/slack/commands",
                f.Form(["command", "text", "user_id", "user_name", "response_url", "team_id", "channel_id", "trigger_id", "api_app_id"], [], complete)) { Sign = Slack };
        }
        for (var i = 0; i < 300; i++)
            yield return new FuzzRequest("slack events", HttpMethod.Post, "/slack/events", f.Body(SlackEventFields)) { Sign = Slack };
        for (var i = 0; i < 300; i++)
            yield return new FuzzRequest("slack interactions", HttpMethod.Post, "/slack/interactions", f.Form(["payload"], SlackInteractionFields)) { Sign = Slack };

        // Teams in local mode: activities of every shape, replies addressed to nowhere.
        for (var i = 0; i < 300; i++)
        {
            var serviceUrl = f.Next(2) == 0 ? new Dictionary<string, string> { ["serviceUrl"] = $"\"{Nowhere}\"" } : null;
            yield return new FuzzRequest("teams", HttpMethod.Post, "/api/messages", f.Body(TeamsFields, serviceUrl));
        }
    }

    private static Action<HttpRequestMessage, byte[]> Key(FuzzPayloads f)
    {
        var key = f.Next(20) switch { 0 => null, 1 => "wrong-" + WriteKey, _ => WriteKey };
        return (request, _) =>
        {
            if (key is not null) request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + key);
        };
    }

    private static void Slack(HttpRequestMessage request, byte[] body)
    {
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        request.Headers.Add(SlackSignatureVerifier.TimestampHeader, timestamp);
        request.Headers.Add(SlackSignatureVerifier.SignatureHeader, SlackSignatureVerifier.Sign(SigningSecret, timestamp, body));
    }
}
