using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CsBot.Host.Tests.Cluster;

/// <summary>One chat.postMessage this fake accepted: which host sent it, where it landed, and the outbox key it carried.</summary>
public sealed record AcceptedPost(string Host, string Channel, string Ts, string? ThreadTs, string? Key, DateTimeOffset At);

/// <summary>
/// A fake Slack on 127.0.0.1 for several CsBot processes at once. Each host gets its own base URL
/// (<c>/{host}/api/</c>), so every call says which process made it. It answers the Web API calls CsBot makes as Slack
/// does: a user and a direct-message channel per email, channel ids by name through conversations.list, and the
/// accepted posts with their metadata through conversations.history/replies, so the lookup CsBot makes before
/// re-sending a message whose outcome it never recorded finds it. A post is accepted (listed in its channel) when it
/// arrives, as on Slack, and answered after <see cref="PostDelay"/>, so delivery is in flight for a while; a post can
/// be held unanswered (<see cref="HoldNextPost"/>) while the test kills the host that sent it.
/// </summary>
public sealed class ClusterSlack : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<AcceptedPost> _posts = new();
    private readonly ConcurrentDictionary<string, string> _channels = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, int> _uploads = new(StringComparer.Ordinal);
    private readonly object _tsLock = new();
    private long _lastTs;
    private int _files;
    private Hold? _hold;

    private ClusterSlack(WebApplication app) => _app = app;

    /// <summary>How long each chat.postMessage is answered after it arrived.</summary>
    public TimeSpan PostDelay { get; init; }

    public string BaseUrl { get; private set; } = "";

    /// <summary>Every post accepted so far, in arrival order.</summary>
    public IReadOnlyList<AcceptedPost> Posts => [.. _posts];

    /// <summary>Completed file uploads (files.completeUploadExternal) per host.</summary>
    public IReadOnlyDictionary<string, int> Uploads => _uploads;

    /// <summary>The Web API address the host called <paramref name="host"/> is given (Slack:ApiBaseUrl).</summary>
    public string ApiUrlFor(string host) => $"{BaseUrl}/{host}/api/";

    public static async Task<ClusterSlack> StartAsync(TimeSpan postDelay, IEnumerable<string> channels)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = Path.GetTempPath() });
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var slack = new ClusterSlack(app) { PostDelay = postDelay };
        foreach (var name in channels) slack._channels[name.TrimStart('#')] = "C" + Short(name.TrimStart('#'));
        app.MapPost("/{host}/api/{method}", (string host, string method, HttpContext context) => slack.HandleAsync(host, method, context));
        app.MapPost("/upload/{id}", () => Results.Text("OK"));
        await app.StartAsync();
        slack.BaseUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return slack;
    }

    /// <summary>
    /// Holds the next accepted post whose key satisfies <paramref name="match"/> unanswered; the returned task completes
    /// with it once it has arrived (and is listed in its channel). <see cref="Release"/> answers it.
    /// </summary>
    public Task<AcceptedPost> HoldNextPost(Func<AcceptedPost, bool> match)
    {
        var hold = new Hold(match);
        Interlocked.Exchange(ref _hold, hold);
        return hold.Arrived.Task;
    }

    /// <summary>Answers the held post (its sender may be gone by then).</summary>
    public void Release() => _hold?.Answer.TrySetResult();

    private async Task<IResult> HandleAsync(string host, string method, HttpContext context)
    {
        var request = await Read(context.Request);
        switch (method)
        {
            case "auth.test":
                return Ok(new JsonObject { ["user_id"] = "UBOT0001", ["team_id"] = "T0CLUSTER", ["team"] = "Cluster CS", ["bot_id"] = "B0001" });
            case "users.lookupByEmail":
                return Ok(new JsonObject { ["user"] = User((string?)request["email"] ?? "") });
            case "users.info":
                return Ok(new JsonObject { ["user"] = new JsonObject { ["id"] = (string?)request["user"], ["name"] = "someone", ["tz"] = "UTC" } });
            case "conversations.open":
                return Ok(new JsonObject { ["channel"] = new JsonObject { ["id"] = "D" + ((string?)request["users"] ?? "U0")[1..] } });
            case "conversations.list":
                return Ok(new JsonObject
                {
                    ["channels"] = new JsonArray([.. _channels.Select(c => (JsonNode)new JsonObject { ["id"] = c.Value, ["name"] = c.Key })]),
                    ["response_metadata"] = new JsonObject { ["next_cursor"] = "" },
                });
            case "conversations.history":
                return History(request, thread: null);
            case "conversations.replies":
                return History(request, thread: (string?)request["ts"]);
            case "chat.postMessage":
                return await PostAsync(host, request);
            case "files.getUploadURLExternal":
                var id = $"F{Interlocked.Increment(ref _files):000000}";
                return Ok(new JsonObject { ["upload_url"] = $"{BaseUrl}/upload/{id}", ["file_id"] = id });
            case "files.completeUploadExternal":
                _uploads.AddOrUpdate(host, 1, (_, n) => n + 1);
                return Ok(new JsonObject { ["files"] = new JsonArray() });
            default:
                return Ok(new JsonObject());
        }
    }

    private async Task<IResult> PostAsync(string host, JsonObject request)
    {
        var channel = Landing((string?)request["channel"] ?? "");
        var key = (string?)request["metadata"]?["event_payload"]?["key"];
        var post = new AcceptedPost(host, channel, NextTs(), (string?)request["thread_ts"], key, DateTimeOffset.UtcNow);
        _posts.Enqueue(post);
        await Task.Delay(PostDelay);
        if (_hold is { } hold && hold.Match(post) && hold.Arrived.TrySetResult(post)) await hold.Answer.Task;
        return Ok(new JsonObject { ["channel"] = channel, ["ts"] = post.Ts });
    }

    /// <summary>The accepted posts of a channel (or of one thread) after "oldest", newest first, up to "limit", with metadata.</summary>
    private IResult History(JsonObject request, string? thread)
    {
        var channel = (string?)request["channel"];
        var oldest = decimal.TryParse((string?)request["oldest"], NumberStyles.Number, CultureInfo.InvariantCulture, out var o) ? o : 0m;
        var limit = int.TryParse((string?)request["limit"], CultureInfo.InvariantCulture, out var l) ? l : 100;
        var matching = Posts.Where(p => p.Channel == channel && p.ThreadTs == thread && decimal.Parse(p.Ts, CultureInfo.InvariantCulture) > oldest)
            .Reverse().ToList();
        var messages = new JsonArray([.. matching.Take(limit).Select(p => (JsonNode)new JsonObject
        {
            ["type"] = "message",
            ["ts"] = p.Ts,
            ["metadata"] = p.Key is null ? null : new JsonObject { ["event_type"] = "csbot_outbox", ["event_payload"] = new JsonObject { ["key"] = p.Key } },
        })]);
        return Ok(new JsonObject { ["messages"] = messages, ["has_more"] = matching.Count > limit });
    }

    private string Landing(string channel)
    {
        var name = channel.TrimStart('#');
        if (name.Length > 0 && name[0] is 'C' or 'D' or 'G' && name.Skip(1).All(c => char.IsAsciiLetterUpper(c) || char.IsAsciiDigit(c))) return name;
        return _channels.GetOrAdd(name, n => "C" + Short(n));
    }

    private static JsonObject User(string email) => new()
    {
        ["id"] = "U" + Short(email),
        ["name"] = email.Split('@')[0],
        ["tz"] = "UTC",
        ["profile"] = new JsonObject { ["email"] = email },
    };

    /// <summary>A Slack ts: Unix seconds with six decimals, unique and increasing, so "oldest" filters as Slack's does.</summary>
    private string NextTs()
    {
        lock (_tsLock)
        {
            var micros = Math.Max(_lastTs + 1, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() * 1000);
            _lastTs = micros;
            return (micros / 1_000_000m).ToString("0.000000", CultureInfo.InvariantCulture);
        }
    }

    private static string Short(string text) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToLowerInvariant())))[..8];

    private static async Task<JsonObject> Read(HttpRequest request)
    {
        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync();
            var fields = new JsonObject();
            foreach (var (key, value) in form) fields[key] = value.ToString();
            return fields;
        }
        using var reader = new StreamReader(request.Body);
        var text = await reader.ReadToEndAsync();
        return text.TrimStart().StartsWith('{') ? JsonNode.Parse(text)!.AsObject() : new JsonObject();
    }

    private static IResult Ok(JsonObject body)
    {
        body["ok"] = true;
        return Results.Text(body.ToJsonString(), "application/json");
    }

    public async ValueTask DisposeAsync()
    {
        Release();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private sealed class Hold(Func<AcceptedPost, bool> match)
    {
        public Func<AcceptedPost, bool> Match { get; } = match;
        public TaskCompletionSource<AcceptedPost> Arrived { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public TaskCompletionSource Answer { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
