using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CsBot.Application.Observability;
using Microsoft.Extensions.Logging;

namespace CsBot.Slack.Api;

/// <summary>
/// The Slack Web API methods CsBot uses, over one typed HttpClient whose base address is Slack:ApiBaseUrl. Every
/// call returns a <see cref="SlackResult{T}"/>: Slack's ok:false, HTTP 429/5xx and network failures become typed
/// errors with a log line, never exceptions, so callers decide between retrying and giving up.
/// Slack rate-limits per method and workspace (one token is one workspace): after a 429 every call of that method
/// is refused here as "ratelimited" until Slack's Retry-After has passed, without reaching Slack, so a burst does not
/// keep hammering a method Slack asked us to leave alone.
/// </summary>
public sealed partial class SlackApiClient(HttpClient http, SlackOptions options, ILogger<SlackApiClient> logger, TimeProvider time)
{
    /// <summary>Used when Slack answers 429 without a Retry-After header.</summary>
    public static readonly TimeSpan DefaultRetryAfter = TimeSpan.FromSeconds(30);

    public const string RateLimited = "ratelimited";

    /// <summary>How long Slack accepts posts to a response_url after the command or button press that gave it.</summary>
    public static readonly TimeSpan ResponseUrlLifetime = TimeSpan.FromMinutes(30);

    /// <summary>How many posts Slack accepts to one response_url.</summary>
    public const int ResponseUrlUses = 5;

    /// <summary>Our code for a response_url this process has posted to <see cref="ResponseUrlUses"/> times.</summary>
    public const string UsedResponseUrl = "used_url";

    private readonly TimeProvider _time = time;
    private readonly ConcurrentDictionary<string, DateTimeOffset> _limitedUntil = new(StringComparer.Ordinal);
    private readonly ExpiringCache<string, int> _responseUrlUses = new(time, ResponseUrlLifetime, 10_000);

    public async Task<SlackResult<SlackAuthInfo>> AuthTestAsync(CancellationToken ct)
    {
        var result = await CallAsync<AuthTestResponse>("auth.test", Form(), ct);
        return result.Ok
            ? SlackResult<SlackAuthInfo>.Success(new SlackAuthInfo(result.Value!.UserId ?? "", result.Value.TeamId ?? "", result.Value.Team ?? "", result.Value.BotId))
            : result.As<SlackAuthInfo>();
    }

    /// <summary>chat.postMessage; <paramref name="threadTs"/> replies in a thread.</summary>
    public async Task<SlackResult<SlackPostedMessage>> PostMessageAsync(string channel, JsonObject message, string? threadTs, CancellationToken ct)
    {
        var body = (JsonObject)message.DeepClone();
        body["channel"] = channel;
        if (threadTs is not null) body["thread_ts"] = threadTs;
        return Posted(await CallAsync<PostMessageResponse>("chat.postMessage", Json(body), ct), channel);
    }

    /// <summary>chat.update: replaces the message at (<paramref name="channel"/>, <paramref name="ts"/>) in place.</summary>
    public async Task<SlackResult<SlackPostedMessage>> UpdateMessageAsync(string channel, string ts, JsonObject message, CancellationToken ct)
    {
        var body = (JsonObject)message.DeepClone();
        body["channel"] = channel;
        body["ts"] = ts;
        return Posted(await CallAsync<PostMessageResponse>("chat.update", Json(body), ct), channel);
    }

    /// <summary>conversations.open: the direct-message channel id with <paramref name="userId"/>.</summary>
    public async Task<SlackResult<string>> OpenDirectMessageAsync(string userId, CancellationToken ct)
    {
        var result = await CallAsync<ConversationsOpenResponse>("conversations.open", Json(new JsonObject { ["users"] = userId }), ct);
        if (!result.Ok) return result.As<string>();
        return result.Value?.Channel?.Id is { Length: > 0 } id ? SlackResult<string>.Success(id) : BadResponse<string>("conversations.open");
    }

    /// <summary>
    /// conversations.history with every message's metadata: up to <paramref name="limit"/> messages of
    /// <paramref name="channel"/> (an id, not a name) posted after <paramref name="oldest"/>, newest first.
    /// </summary>
    public Task<SlackResult<IReadOnlyList<SlackHistoryMessage>>> HistoryAsync(string channel, DateTimeOffset oldest, int limit, CancellationToken ct) =>
        MessagesAsync("conversations.history", [("channel", channel)], oldest, limit, ct);

    /// <summary>
    /// conversations.replies with every message's metadata: up to <paramref name="limit"/> messages of the thread
    /// under <paramref name="threadTs"/> in <paramref name="channel"/> (an id) posted after <paramref name="oldest"/>.
    /// Replies in a thread are not in conversations.history, which lists only the channel's top-level messages.
    /// </summary>
    public Task<SlackResult<IReadOnlyList<SlackHistoryMessage>>> RepliesAsync(string channel, string threadTs, DateTimeOffset oldest, int limit, CancellationToken ct) =>
        MessagesAsync("conversations.replies", [("channel", channel), ("ts", threadTs)], oldest, limit, ct);

    private async Task<SlackResult<IReadOnlyList<SlackHistoryMessage>>> MessagesAsync(string method, (string, string)[] where, DateTimeOffset oldest, int limit, CancellationToken ct)
    {
        var seconds = (oldest.ToUnixTimeMilliseconds() / 1000m).ToString("0.000000", System.Globalization.CultureInfo.InvariantCulture);
        var result = await CallAsync<HistoryResponse>(method,
            Form([.. where, ("oldest", seconds), ("limit", limit.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("include_all_metadata", "true")]), ct);
        if (!result.Ok) return result.As<IReadOnlyList<SlackHistoryMessage>>();
        return SlackResult<IReadOnlyList<SlackHistoryMessage>>.Success(
            [.. (result.Value!.Messages ?? []).Where(m => m.Ts is not null).Select(m => new SlackHistoryMessage(m.Ts!, m.Metadata?.EventType, m.Metadata?.EventPayload))]);
    }

    /// <summary>Most pages of conversations.list read to find one channel by name (200 channels a page).</summary>
    public const int MaxChannelPages = 20;

    /// <summary>
    /// The id of the channel called <paramref name="name"/> (without "#", lower case, as Slack names channels) among
    /// the public and private channels the bot can see, through conversations.list page by page; null when there is
    /// none within <see cref="MaxChannelPages"/> pages. Needs the channels:read and groups:read scopes.
    /// </summary>
    public async Task<SlackResult<string?>> FindChannelIdAsync(string name, CancellationToken ct)
    {
        string? cursor = null;
        for (var page = 0; page < MaxChannelPages; page++)
        {
            List<(string, string)> fields = [("types", "public_channel,private_channel"), ("exclude_archived", "true"), ("limit", "200")];
            if (cursor is not null) fields.Add(("cursor", cursor));
            var result = await CallAsync<ConversationsListResponse>("conversations.list", Form([.. fields]), ct);
            if (!result.Ok) return result.As<string?>();
            if ((result.Value!.Channels ?? []).FirstOrDefault(c => c.Id is { Length: > 0 } && string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase)) is { } found)
                return SlackResult<string?>.Success(found.Id);
            cursor = result.Value.ResponseMetadata?.NextCursor;
            if (string.IsNullOrEmpty(cursor)) break;
        }
        return SlackResult<string?>.Success(null);
    }

    public async Task<SlackResult<SlackUser>> LookupUserByEmailAsync(string email, CancellationToken ct) =>
        User(await CallAsync<UserResponse>("users.lookupByEmail", Form(("email", email)), ct), "users.lookupByEmail");

    public async Task<SlackResult<SlackUser>> GetUserInfoAsync(string userId, CancellationToken ct) =>
        User(await CallAsync<UserResponse>("users.info", Form(("user", userId)), ct), "users.info");

    /// <summary>
    /// Posts to a response_url Slack handed us with a command or button press. No token is sent: the URL itself is
    /// the credential, and it may be on another host than the Web API. After <see cref="ResponseUrlUses"/> tries the
    /// URL is refused here as <see cref="UsedResponseUrl"/> (permanent), so the caller turns to another way.
    /// </summary>
    public async Task<SlackResult<bool>> RespondAsync(string responseUrl, JsonObject message, CancellationToken ct)
    {
        if (!Uri.TryCreate(responseUrl, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp))
            return SlackResult<bool>.Failure("invalid_response_url", transient: false);
        // Every try counts against Slack's limit, a failed one too: Slack does not say which ones it counted.
        var uses = _responseUrlUses.TryGet(responseUrl, out var used) ? used : 0;
        if (uses >= ResponseUrlUses) return SlackResult<bool>.Failure(UsedResponseUrl, transient: false);
        _responseUrlUses.Set(responseUrl, uses + 1);
        var result = await SendAsync("response_url", () => new HttpRequestMessage(HttpMethod.Post, url) { Content = Json(message) }, authorize: false, ct);
        return result.Ok ? SlackResult<bool>.Success(true) : result.As<bool>();
    }

    private async Task<SlackResult<T>> CallAsync<T>(string method, HttpContent content, CancellationToken ct)
    {
        if (_limitedUntil.TryGetValue(method, out var until) && until - _time.GetUtcNow() is { Ticks: > 0 } remaining)
            return SlackResult<T>.Failure(RateLimited, transient: true, remaining);
        var result = await SendAsync(method, () => new HttpRequestMessage(HttpMethod.Post, method) { Content = content }, authorize: true, ct);
        if (result is { Error: RateLimited, RetryAfter: { } wait }) _limitedUntil[method] = _time.GetUtcNow() + wait;
        if (!result.Ok) return result.As<T>();
        if (result.Value.ValueKind != JsonValueKind.Object) return BadResponse<T>(method);
        try
        {
            var value = result.Value!.Deserialize<T>(SlackJson.Options);
            return value is null ? BadResponse<T>(method) : SlackResult<T>.Success(value);
        }
        catch (JsonException)
        {
            return BadResponse<T>(method);
        }
    }

    private async Task<SlackResult<JsonElement>> SendAsync(string method, Func<HttpRequestMessage> build, bool authorize, CancellationToken ct)
    {
        using var request = build();
        if (authorize) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", options.BotToken);
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, ct);
        }
        catch (TaskCanceledException) when (!ct.IsCancellationRequested)
        {
            return Fail<JsonElement>(method, SlackErrors.Timeout, true);
        }
        catch (HttpRequestException ex)
        {
            logger.LogWarning("Slack {Method} could not be reached: {Reason}", method, ex.Message);
            return SlackResult<JsonElement>.Failure(SlackErrors.Network, transient: true);
        }

        using (response)
        {
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                CsBotMetrics.RateLimitReceived("slack");
                return Fail<JsonElement>(method, RateLimited, true, response.Headers.RetryAfter?.Delta ?? DefaultRetryAfter);
            }
            var text = await response.Content.ReadAsStringAsync(ct);
            if ((int)response.StatusCode >= 500)
                return Fail<JsonElement>(method, SlackErrors.Http, true, response.Headers.RetryAfter?.Delta);
            if (!response.IsSuccessStatusCode)
                return Fail<JsonElement>(method, $"http_{(int)response.StatusCode}", false);
            return Parse(method, text);
        }
    }

    private SlackResult<JsonElement> Parse(string method, string text)
    {
        // A response_url answers a plain "ok"; Web API methods answer JSON with an "ok" flag.
        if (!text.TrimStart().StartsWith('{')) return SlackResult<JsonElement>.Success(default);
        JsonElement root;
        try
        {
            using var document = JsonDocument.Parse(text);
            root = document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return Fail<JsonElement>(method, SlackErrors.BadResponse, false);
        }
        if (root.TryGetProperty("ok", out var ok) && ok.ValueKind == JsonValueKind.False)
        {
            var error = root.TryGetProperty("error", out var e) && e.ValueKind == JsonValueKind.String ? e.GetString()! : "unknown_error";
            return Fail<JsonElement>(method, error, SlackErrors.IsTransient(error));
        }
        return SlackResult<JsonElement>.Success(root);
    }

    private SlackResult<T> Fail<T>(string method, string error, bool transient, TimeSpan? retryAfter = null)
    {
        var level = SlackErrors.IsAuthProblem(error) ? LogLevel.Error : LogLevel.Warning;
        logger.Log(level, "{Description}", SlackErrors.Describe(method, error, retryAfter));
        return SlackResult<T>.Failure(error, transient, retryAfter);
    }

    private SlackResult<T> BadResponse<T>(string method) => Fail<T>(method, SlackErrors.BadResponse, false);

    private static SlackResult<SlackPostedMessage> Posted(SlackResult<PostMessageResponse> result, string channel) =>
        result.Ok
            ? SlackResult<SlackPostedMessage>.Success(new SlackPostedMessage(result.Value!.Channel ?? channel, result.Value.Ts ?? ""))
            : result.As<SlackPostedMessage>();

    private SlackResult<SlackUser> User(SlackResult<UserResponse> result, string method)
    {
        if (!result.Ok) return result.As<SlackUser>();
        if (result.Value?.User is not { Id: { Length: > 0 } id } user) return BadResponse<SlackUser>(method);
        var name = FirstNonEmpty(user.Profile?.DisplayName, user.Profile?.RealName, user.RealName, user.Name) ?? id;
        return SlackResult<SlackUser>.Success(new SlackUser(id, name, user.Profile?.Email, user.Tz));
    }

    private static string? FirstNonEmpty(params string?[] values) => values.FirstOrDefault(v => !string.IsNullOrWhiteSpace(v));

    private static StringContent Json(JsonObject body) =>
        new(body.ToJsonString(SlackJson.Options), Encoding.UTF8, "application/json");

    private static FormUrlEncodedContent Form(params (string Key, string Value)[] fields) =>
        new(fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value)));
}
