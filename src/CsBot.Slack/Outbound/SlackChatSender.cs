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
public sealed partial class SlackChatSender(SlackApiClient api, SlackUserDirectory users, SlackSentMessages sent, TimeProvider time) : IChatSender
{
    private readonly ExpiringCache<string, string> _dmChannels = new(time, SlackUserDirectory.CacheLifetime, 10_000);

    public const string PlatformName = "slack";

    public string Platform => PlatformName;

    public async Task<SendResult> SendAsync(OutgoingMessage message, CancellationToken cancellationToken)
    {
        var channel = await ResolveAsync(message.Recipient, cancellationToken);
        if (!channel.Ok) return Failed(channel, ChannelMethod(message.Recipient));

        var posted = await api.PostMessageAsync(channel.Value!, BlockKitRenderer.Render(message.Message), message.ThreadId, cancellationToken);
        if (!posted.Ok) return Failed(posted, "chat.postMessage");
        sent.Remember(posted.Value!.Channel, posted.Value.Ts, message.Message);
        return SendResult.Ok($"{posted.Value.Channel}/{posted.Value.Ts}");
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

    private static SendResult Failed<T>(SlackResult<T> result, string method) =>
        result.Error is SlackApiClient.RateLimited or "rate_limited"
            ? SendResult.Limited(SlackErrors.Describe(method, result.Error, result.RetryAfter), result.RetryAfter ?? SlackApiClient.DefaultRetryAfter)
            : SendResult.Failed(SlackErrors.Describe(method, result.Error!, result.RetryAfter), result.Transient,
            result.Transient ? result.RetryAfter : null);

    [GeneratedRegex("^[CGD][A-Z0-9]{6,}$")]
    private static partial Regex ChannelId();

    [GeneratedRegex("^[UW][A-Z0-9]{6,}$")]
    private static partial Regex UserId();
}
