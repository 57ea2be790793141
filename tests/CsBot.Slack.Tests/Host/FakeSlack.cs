using System.Collections.Concurrent;
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
        Server.Given(Request.Create().WithPath("/api/chat.postMessage").UsingPost()).AtPriority(10)
            .RespondWith(Response.Create().WithCallback(request => Posted(request.Body ?? "")));
        Api("chat.update", new JsonObject { ["ok"] = true });
        Server.Given(Request.Create().WithPath("/api/conversations.history").UsingPost()).AtPriority(10)
            .RespondWith(Response.Create().WithCallback(request => History(request.Body ?? "")));
        Server.Given(Request.Create().WithPath("/api/conversations.replies").UsingPost()).AtPriority(10)
            .RespondWith(Response.Create().WithCallback(request => Replies(request.Body ?? "")));
        Server.Given(Request.Create().WithPath("/api/conversations.list").UsingPost()).AtPriority(10)
            .RespondWith(Response.Create().WithCallback(request => ChannelList(request.Body ?? "")));
        // File upload: an upload URL on this server, the bytes posted there, then the share into a channel.
        Server.Given(Request.Create().WithPath("/api/files.getUploadURLExternal").UsingPost()).AtPriority(10)
            .RespondWith(Response.Create().WithCallback(_ =>
            {
                var id = $"F0CHART{Interlocked.Increment(ref _files):000}";
                return Json(new JsonObject { ["ok"] = true, ["upload_url"] = $"{Server.Url}/upload/{id}", ["file_id"] = id });
            }));
        Server.Given(Request.Create().WithPath("/upload/*").UsingPost()).AtPriority(10)
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "text/plain").WithBody("OK"));
        Api("files.completeUploadExternal", new JsonObject { ["ok"] = true, ["files"] = new JsonArray() });
        Server.Given(Request.Create().WithPath("/response/*").UsingPost()).AtPriority(10)
            .RespondWith(Response.Create().WithStatusCode(200).WithBody("ok"));
    }

    private int _files;

    public string ApiUrl => Server.Url + "/api/";

    /// <summary>Channels by name, as conversations.list lists them: a post to "#name" lands in the channel's id.</summary>
    public ConcurrentDictionary<string, string> Channels { get; } = new(StringComparer.Ordinal)
    {
        ["cs-enterprise"] = "C0ENTERP01",
        ["cs-renewals"] = "C0RENEW001",
        ["cs-general"] = "C0GENERAL1",
    };

    /// <summary>The channel a post to <paramref name="channel"/> lands in: a known name's id, anything else as given.</summary>
    private string? Landing(string? channel) => channel is not null && Channels.TryGetValue(channel.TrimStart('#'), out var id) ? id : channel;

    /// <summary>chat.postMessage as Slack answers it: the channel's id (also when posted by name) and a ts.</summary>
    private ResponseMessage Posted(string body)
    {
        var sent = JsonNode.Parse(body)?.AsObject();
        var ts = DistinctTs ? $"1700000000.{Interlocked.Increment(ref _posts):000000}" : "1700000000.000001";
        return Json(new JsonObject { ["ok"] = true, ["channel"] = Landing((string?)sent?["channel"]), ["ts"] = ts });
    }

    private int _posts;

    /// <summary>Each post gets its own ts (.000001, .000002, ...), as in Slack, for tests that update or reply to one of several.</summary>
    public bool DistinctTs { get; set; }

    /// <summary>
    /// conversations.history as Slack answers it: the top-level messages this fake accepted for the channel, newest
    /// first, with their metadata only when include_all_metadata=true was asked for.
    /// </summary>
    private ResponseMessage History(string form)
    {
        var fields = QueryHelpers.ParseQuery(form);
        return Json(new JsonObject { ["ok"] = true, ["messages"] = Accepted(fields, thread: null), ["has_more"] = false });
    }

    /// <summary>conversations.replies as Slack answers it: the replies this fake accepted in the thread under ts.</summary>
    private ResponseMessage Replies(string form)
    {
        var fields = QueryHelpers.ParseQuery(form);
        var replies = Accepted(fields, thread: fields["ts"].ToString());
        return Json(new JsonObject { ["ok"] = true, ["messages"] = new JsonArray([.. replies.Reverse().Select(m => m!.DeepClone())]), ["has_more"] = false });
    }

    private JsonArray Accepted(Dictionary<string, Microsoft.Extensions.Primitives.StringValues> fields, string? thread)
    {
        var withMetadata = fields.TryGetValue("include_all_metadata", out var all) && all.ToString() == "true";
        var messages = new JsonArray();
        foreach (var call in Calls("/api/chat.postMessage").Reverse().Where(c => c.ResponseMessage!.StatusCode is 200))
        {
            var sent = JsonNode.Parse(call.RequestMessage!.Body ?? "{}")!.AsObject();
            var response = JsonNode.Parse(call.ResponseMessage!.BodyData?.BodyAsString ?? "{}");
            if (response?["ok"] is not JsonValue ok || !ok.TryGetValue<bool>(out var accepted) || !accepted) continue;
            if (Landing((string?)sent["channel"]) != fields["channel"].ToString() || (string?)sent["thread_ts"] != thread) continue;
            var message = new JsonObject { ["type"] = "message", ["ts"] = (string?)response["ts"], ["text"] = sent["text"]?.DeepClone() };
            if (withMetadata && sent["metadata"] is { } metadata) message["metadata"] = metadata.DeepClone();
            messages.Add(message);
        }
        return messages;
    }

    /// <summary>conversations.list, one channel a page so that following next_cursor is exercised.</summary>
    private ResponseMessage ChannelList(string form)
    {
        var fields = QueryHelpers.ParseQuery(form);
        var all = Channels.OrderBy(c => c.Key, StringComparer.Ordinal).ToList();
        var page = fields.TryGetValue("cursor", out var cursor) && int.TryParse(cursor.ToString(), out var n) ? n : 0;
        var channels = new JsonArray([.. all.Skip(page).Take(1).Select(c => (JsonNode)new JsonObject { ["id"] = c.Value, ["name"] = c.Key })]);
        var next = page + 1 < all.Count ? (page + 1).ToString(System.Globalization.CultureInfo.InvariantCulture) : "";
        return Json(new JsonObject { ["ok"] = true, ["channels"] = channels, ["response_metadata"] = new JsonObject { ["next_cursor"] = next } });
    }

    private static ResponseMessage Json(JsonObject body) => new()
    {
        StatusCode = 200,
        Headers = new Dictionary<string, WireMockList<string>> { ["Content-Type"] = new("application/json") },
        BodyData = new BodyData { BodyAsString = body.ToJsonString(), DetectedBodyType = BodyType.String },
    };

    public string ResponseUrl(string name) => $"{Server.Url}/response/{name}";

    /// <summary>Makes the response_url <paramref name="name"/> answer, at each post, what <paramref name="answer"/> says then.</summary>
    public void ResponseUrlAnswers(string name, Func<(int Status, string Body, int? RetryAfter)> answer) =>
        Server.Given(Request.Create().WithPath("/response/" + name).UsingPost()).AtPriority(1)
            .RespondWith(Response.Create().WithCallback(_ =>
            {
                var (status, body, retryAfter) = answer();
                var headers = new Dictionary<string, WireMockList<string>> { ["Content-Type"] = new("text/plain") };
                if (retryAfter is { } seconds) headers["Retry-After"] = new(seconds.ToString(System.Globalization.CultureInfo.InvariantCulture));
                return new ResponseMessage { StatusCode = status, Headers = headers, BodyData = new BodyData { BodyAsString = body, DetectedBodyType = BodyType.String } };
            }));

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
