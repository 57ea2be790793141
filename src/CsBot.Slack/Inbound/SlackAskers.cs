using CsBot.Application.Asking;
using CsBot.Slack.Api;

namespace CsBot.Slack.Inbound;

/// <summary>
/// Turns a Slack user id into an <see cref="Asker"/> with name, email and time zone from users.info (cached), so
/// answers and alert actions know which CSM is asking. If Slack cannot say, the id and typed name are enough.
/// </summary>
public sealed class SlackAskers(SlackUserDirectory users)
{
    public const string Platform = "slack";

    /// <param name="channelId">Where the question was asked. Public and private channels (C…, G…) are shared, so
    /// restricted numbers are not shown there; direct messages (D…) are not.</param>
    /// <param name="threadTs">The thread the question was asked in, if any: a thread is a conversation of its own.</param>
    public async Task<Asker> ResolveAsync(string userId, string? fallbackName, CancellationToken ct, string? channelId = null, string? threadTs = null)
    {
        var user = await users.GetAsync(userId, ct);
        var shared = IsSharedChannel(channelId) ? channelId : null;
        var asker = user.Ok
            ? new Asker(userId, user.Value!.Name, Platform, user.Value.Email, user.Value.TimeZone, shared)
            : new Asker(userId, string.IsNullOrWhiteSpace(fallbackName) ? userId : fallbackName, Platform, ChannelId: shared);
        return asker with { ConversationId = ConversationId(channelId, threadTs) };
    }

    /// <summary>Where follow-ups are remembered: the channel or DM, or the thread in it.</summary>
    public static string? ConversationId(string? channelId, string? threadTs) =>
        string.IsNullOrEmpty(channelId) ? null : string.IsNullOrEmpty(threadTs) ? channelId : channelId + "/" + threadTs;

    public static bool IsSharedChannel(string? channelId) => channelId is { Length: > 1 } && channelId[0] is 'C' or 'G';
}
