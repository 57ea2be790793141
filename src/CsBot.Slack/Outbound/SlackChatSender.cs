using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using CsBot.Core.Messaging;
using CsBot.Core.Ports;
using CsBot.Slack.Api;
using CsBot.Slack.Rendering;

namespace CsBot.Slack.Outbound;

/// <summary>
/// Delivers alerts, reminders and digests to Slack: a person by email (users.lookupByEmail, then the DM from
/// conversations.open), a channel by id or name. Failures come back as <see cref="SendResult"/>: a rate limit pauses
/// delivery for the wait Slack asked for; 5xx and timeouts are transient, with Slack's Retry-After when it sent one and
/// otherwise none, so the outbox backs off exponentially with jitter; a missing channel or a rejected token are
/// permanent and say what to fix.
/// </summary>
/// <remarks>
/// Every post carries the outbox idempotency key as message metadata (<see cref="MetadataEventType"/>), so when a
/// delivery run died between Slack accepting a message and the outbox recording it, <see cref="FindDeliveredAsync"/>
/// finds it in the channel's recent history (a thread reply in the thread's replies) and it is not posted twice. A
/// channel addressed by name is looked up by its id (<see cref="SlackChannelDirectory"/>), since Slack's history takes
/// only ids. A late answer with a reply URL (a /cs response_url) goes there while the URL is valid, else to the asker.
/// </remarks>
public sealed partial class SlackChatSender(
    SlackApiClient api, SlackUserDirectory users, SlackChannelDirectory channels, SlackSentMessages sent, SlackOptions options, TimeProvider time)
    : IChatSender, ISentMessageLookup
{
    public const string MetadataEventType = "csbot_outbox";

    /// <summary>How many of the channel's latest messages are searched for an unrecorded delivery.</summary>
    public const int HistoryLimit = 50;

    private readonly ExpiringCache<string, string> _dmChannels = new(time, SlackUserDirectory.CacheLifetime, 10_000);
    private readonly SlackPictureUploads _pictures = new(api);

    public const string PlatformName = "slack";

    public string Platform => PlatformName;

    public async Task<SendResult> SendAsync(OutgoingMessage message, CancellationToken cancellationToken)
    {
        if (HasValidReplyUrl(message))
        {
            var responded = await api.RespondAsync(message.ReplyUrl!, ResponsePayload(message.Message), cancellationToken);
            // A response_url post has no ts: the message cannot be addressed later, and nothing else needs it.
            if (responded.Ok) return SendResult.Ok();
            // A 429 here is about this URL, not the workspace: it must not pause every other send.
            if (responded.Transient) return SendResult.Failed(SlackErrors.Describe("response_url", responded.Error!, responded.RetryAfter), true, responded.RetryAfter);
            // Expired, used up or refused for good: the asker gets the answer in a direct message instead.
        }

        var parent = SlackParent.Of(message);
        if (parent is { Kind: MessageLinkKind.Replace }) return await UpdateAsync(parent, message, cancellationToken);
        if (message.Message.Picture is { IsDrawn: true } picture)
        {
            // A file is shared by channel id; a channel known by name is looked up first.
            return await ResolveIdAsync(message.Recipient, cancellationToken) is { } id
                ? await _pictures.UploadAsync(id, message, picture, cancellationToken)
                : SendResult.Failed($"Slack could not tell where {message.Recipient.DisplayName} is to share the picture; retrying", transient: true);
        }

        var channel = parent is not null ? SlackResult<string>.Success(parent.Channel) : await ResolveAsync(message.Recipient, cancellationToken);
        if (!channel.Ok) return Failed(channel, ChannelMethod(message.Recipient));

        var payload = BlockKitRenderer.Render(message.Message);
        payload["metadata"] = new JsonObject { ["event_type"] = MetadataEventType, ["event_payload"] = new JsonObject { ["key"] = message.IdempotencyKey } };
        var posted = await api.PostMessageAsync(channel.Value!, payload, parent?.Ts ?? message.ThreadId, cancellationToken);
        // A timeout, a lost connection or a server error does not say Slack refused the post: it may have taken it.
        if (!posted.Ok) return Failed(posted, "chat.postMessage") with { Unconfirmed = posted.Error is SlackErrors.Timeout or SlackErrors.Network or SlackErrors.Http };
        if (message.Recipient.Kind == RecipientKind.Channel && !ChannelId().IsMatch(channel.Value!) && ChannelId().IsMatch(posted.Value!.Channel))
            channels.Remember(message.Recipient.Key, posted.Value.Channel);
        sent.Remember(posted.Value!.Channel, posted.Value.Ts, message.Message);
        return SendResult.Ok($"{posted.Value.Channel}/{posted.Value.Ts}");
    }

    /// <summary>chat.update of the message this one redraws; updating twice is harmless, so it is never searched for.</summary>
    private async Task<SendResult> UpdateAsync(SlackParent parent, OutgoingMessage message, CancellationToken cancellationToken)
    {
        var updated = await api.UpdateMessageAsync(parent.Channel, parent.Ts, BlockKitRenderer.Render(message.Message), cancellationToken);
        if (!updated.Ok) return Failed(updated, "chat.update");
        sent.Remember(parent.Channel, parent.Ts, message.Message);
        return SendResult.Ok($"{parent.Channel}/{parent.Ts}");
    }

    public async Task<string?> FindDeliveredAsync(OutgoingMessage message, DateTimeOffset since, CancellationToken cancellationToken)
    {
        // A post to a response_url leaves nothing to search for: while the URL is valid the earlier attempt went there.
        if (HasValidReplyUrl(message)) return null;
        var parent = SlackParent.Of(message);
        if (parent is { Kind: MessageLinkKind.Replace }) return null;
        var channel = parent?.Channel ?? await ResolveIdAsync(message.Recipient, cancellationToken);
        if (channel is null) return null;
        // A reply in a thread is not in the channel's history; Slack lists it under conversations.replies.
        var history = (parent?.Ts ?? message.ThreadId) is { } thread
            ? await api.RepliesAsync(channel, thread, since, HistoryLimit, cancellationToken)
            : await api.HistoryAsync(channel, since, HistoryLimit, cancellationToken);
        if (!history.Ok) return null;
        var match = history.Value!.FirstOrDefault(m => m.MetadataEventType == MetadataEventType && m.MetadataPayload is { ValueKind: JsonValueKind.Object } payload
            && payload.TryGetProperty("key", out var key) && key.ValueKind == JsonValueKind.String && key.GetString() == message.IdempotencyKey);
        if (match is null) return null;
        sent.Remember(channel, match.Ts, message.Message);
        return $"{channel}/{match.Ts}";
    }

    private bool HasValidReplyUrl(OutgoingMessage message) =>
        message.ReplyUrl is { Length: > 0 } && message.ReplyUrlExpiresAt is { } expires && expires > time.GetUtcNow();

    private JsonObject ResponsePayload(ChatMessage message)
    {
        var payload = BlockKitRenderer.Render(message);
        payload["response_type"] = options.AnswersInChannel ? "in_channel" : "ephemeral";
        payload["replace_original"] = false;
        return payload;
    }

    /// <summary>The conversation id the recipient's messages land in; null when it cannot be told now.</summary>
    private async Task<string?> ResolveIdAsync(Recipient recipient, CancellationToken ct)
    {
        var key = recipient.Key.Trim();
        if (recipient.Kind != RecipientKind.Channel || ChannelId().IsMatch(key))
        {
            var resolved = await ResolveAsync(recipient, ct);
            return resolved.Ok ? resolved.Value : null;
        }
        var found = await channels.FindIdAsync(key, ct);
        return found.Ok ? found.Value : null;
    }

    private async Task<SlackResult<string>> ResolveAsync(Recipient recipient, CancellationToken ct)
    {
        var key = recipient.Key.Trim();
        if (recipient.Kind == RecipientKind.Channel)
            return SlackResult<string>.Success(ChannelId().IsMatch(key) ? key : "#" + key.TrimStart('#'));

        string userId;
        if (UserId().IsMatch(key))
        {
            userId = key;
        }
        else
        {
            var user = await users.FindByEmailAsync(key, ct);
            if (!user.Ok) return user.As<string>();
            userId = user.Value!.Id;
        }
        if (_dmChannels.TryGet(userId, out var dm)) return SlackResult<string>.Success(dm);
        var opened = await api.OpenDirectMessageAsync(userId, ct);
        if (opened.Ok) _dmChannels.Set(userId, opened.Value!);
        return opened;
    }

    private static string ChannelMethod(Recipient recipient) =>
        recipient.Kind == RecipientKind.User && !UserId().IsMatch(recipient.Key) ? "users.lookupByEmail/conversations.open" : "conversations.open";

    internal static SendResult Failed<T>(SlackResult<T> result, string method) =>
        result.Error is SlackApiClient.RateLimited or "rate_limited"
            ? SendResult.Limited(SlackErrors.Describe(method, result.Error, result.RetryAfter), result.RetryAfter ?? SlackApiClient.DefaultRetryAfter)
            : SendResult.Failed(SlackErrors.Describe(method, result.Error!, result.RetryAfter), result.Transient,
            result.Transient ? result.RetryAfter : null);

    [GeneratedRegex("^[CGD][A-Z0-9]{6,}$")]
    private static partial Regex ChannelId();

    [GeneratedRegex("^[UW][A-Z0-9]{6,}$")]
    private static partial Regex UserId();
}
