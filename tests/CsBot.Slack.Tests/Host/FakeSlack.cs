using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.WebUtilities;
using WireMock;
using WireMock.Logging;
using WireMock.Types;
using WireMock.Util;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.Settings;

namespace CsBot.Slack.Tests.Host;

/// <summary>
/// A fake Slack on 127.0.0.1: the Web API under /api/ and response_urls under /response/. Answers every method
/// CsBot calls with Slack-shaped JSON and records what it was sent.
/// </summary>
public sealed class FakeSlack : IDisposable
{
    public const string BotUserId = "UBOT0001";
    public const string TeamId = "T0ALLOWED";
    public const string UserEmail = "priya.raman@csbot.example";

    public WireMockServer Server { get; } = WireMockServer.Start(new WireMockServerSettings { Urls = ["http://127.0.0.1:0"] });

    public FakeSlack(string authError = "")
    {
        Api("auth.test", authError.Length > 0
            ? new JsonObject { ["ok"] = false, ["error"] = authError }
            : new JsonObject { ["ok"] = true, ["user_id"] = BotUserId, ["team_id"] = TeamId, ["team"] = "Acme CS", ["bot_id"] = "B0001" });
        var user = new JsonObject
        {
            ["id"] = "U0PRIYA01", ["name"] = "priya", ["real_name"] = "Priya Raman", ["tz"] = "Europe/London",
            ["profile"] = new JsonObject { ["email"] = UserEmail, ["display_name"] = "Priya" },
        };
        Api("users.info", new JsonObject { ["ok"] = true, ["user"] = user.DeepClone() });
        Api("users.lookupByEmail", new JsonObject { ["ok"] = true, ["user"] = user.DeepClone() });
        Api("conversations.open", new JsonObject { ["ok"] = true, ["channel"] = new JsonObject { ["id"] = "D0PRIYA01" } });
        Api("chat.postMessage", new JsonObject { ["ok"] = true, ["ts"] = "1700000000.000001" });
        Api("chat.update", new JsonObject { ["ok"] = true });
        Server.Given(Request.Create().WithPath("/api/conversations.history").UsingPost()).AtPriority(10)
            .RespondWith(Response.Create().WithCallback(request => History(request.Body ?? "")));
        Server.Given(Request.Create().WithPath("/response/*").UsingPost())
            .RespondWith(Response.Create().WithStatusCode(200).WithBody("ok"));
    }

    public string ApiUrl => Server.Url + "/api/";

    /// <summary>
    /// conversations.history as Slack answers it: the messages this fake accepted for the channel, newest first, with
    /// their metadata only when include_all_metadata=true was asked for.
    /// </summary>
    private ResponseMessage History(string form)
    {
        var fields = QueryHelpers.ParseQuery(form);
        var withMetadata = fields.TryGetValue("include_all_metadata", out var all) && all.ToString() == "true";
        var messages = new JsonArray();
        foreach (var call in Calls("/api/chat.postMessage").Reverse().Where(c => c.ResponseMessage!.StatusCode is 200))
        {
            var sent = JsonNode.Parse(call.RequestMessage!.Body ?? "{}")!.AsObject();
            if ((string?)sent["channel"] != fields["channel"].ToString() || sent["thread_ts"] is not null) continue;
            var ts = (string?)JsonNode.Parse(call.ResponseMessage!.BodyData?.BodyAsString ?? "{}")?["ts"];
            var message = new JsonObject { ["type"] = "message", ["ts"] = ts, ["text"] = sent["text"]?.DeepClone() };
            if (withMetadata && sent["metadata"] is { } metadata) message["metadata"] = metadata.DeepClone();
            messages.Add(message);
        }
        var body = new JsonObject { ["ok"] = true, ["messages"] = messages, ["has_more"] = false };
        return new ResponseMessage
        {
            StatusCode = 200,
            Headers = new Dictionary<string, WireMockList<string>> { ["Content-Type"] = new("application/json") },
            BodyData = new BodyData { BodyAsString = body.ToJsonString(), DetectedBodyType = BodyType.String },
        };
    }

    public string ResponseUrl(string name) => $"{Server.Url}/response/{name}";

    public void Api(string method, JsonObject body, int priority = 10) =>
        Server.Given(Request.Create().WithPath("/api/" + method).UsingPost()).AtPriority(priority)
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody(body.ToJsonString()));

    /// <summary>Requests to a path, newest last.</summary>
    public IReadOnlyList<ILogEntry> Calls(string path) =>
        [.. Server.LogEntries.Where(e => e.RequestMessage!.Path == path).OrderBy(e => e.RequestMessage!.DateTime)];

    /// <summary>JSON bodies sent to a Web API method or response_url, newest last.</summary>
    public IReadOnlyList<JsonObject> Bodies(string path) =>
        [.. Calls(path).Select(e => JsonNode.Parse(e.RequestMessage!.Body ?? "{}")!.AsObject())];

    /// <summary>Form fields of form-encoded calls (users.info, users.lookupByEmail).</summary>
    public IReadOnlyList<Dictionary<string, string>> Forms(string path) =>
        [.. Calls(path).Select(e => QueryHelpers.ParseQuery(e.RequestMessage!.Body ?? "").ToDictionary(kv => kv.Key, kv => kv.Value.ToString()))];

    /// <summary>Waits until a body sent to <paramref name="path"/> satisfies <paramref name="match"/>, and returns it.</summary>
    public async Task<JsonObject> WaitForAsync(string path, Func<JsonObject, bool> match)
    {
        var bodies = await Eventually.Until(() => Task.FromResult(Bodies(path)), sent => sent.Any(match), $"a matching body sent to {path}",
            sent => JsonSerializer.Serialize(sent.Select(b => b.ToJsonString())));
        return bodies.First(match);
    }

    public void Dispose() => Server.Stop();
}
