using CsBot.Core.Messaging;
using CsBot.Core.Ports;
using CsBot.Teams.Rendering;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.Logging;

namespace CsBot.Teams.Outbound;

/// <summary>
/// Remembers the message behind each posted card that has alert buttons, by Teams activity id, so pressing
/// Acknowledge can redraw that same card with the alert marked. Cards older than Teams:CardMemoryDays are forgotten.
/// </summary>
public sealed class PostedCards(IConversationStore store, TeamsOptions options, TimeProvider time, ILogger<PostedCards> logger)
{
    private long _nextPruneTicks;

    public void Remember(string conversationId, string? activityId, ChatMessage message)
    {
        if (string.IsNullOrEmpty(activityId) || !TeamsMessages.HasAlertActions(message)) return;
        var now = time.GetUtcNow();
        store.RememberMessage(TeamsOptions.Platform, Key(conversationId), activityId, TeamsMessages.ToPayload(message), now);
        PruneDaily(now);
    }

    /// <summary>Replies in the turn's conversation with the message as a card, remembering it when it has alert buttons.</summary>
    public async Task ReplyAsync(ITurnContext turnContext, ChatMessage message, CancellationToken cancellationToken)
    {
        var sent = await turnContext.SendActivityAsync(TeamsMessages.ToActivity(message), cancellationToken);
        Remember(turnContext.Activity.Conversation.Id, sent?.Id, message);
    }

    public ChatMessage? Recall(string conversationId, string? activityId) =>
        string.IsNullOrEmpty(activityId) ? null : TeamsMessages.FromPayload(store.RecallMessage(TeamsOptions.Platform, Key(conversationId), activityId));

    /// <summary>A channel thread's id is the channel's id plus ";messageid=..."; a card is found from either.</summary>
    public static string Key(string conversationId)
    {
        var cut = conversationId.IndexOf(";messageid=", StringComparison.OrdinalIgnoreCase);
        return cut < 0 ? conversationId : conversationId[..cut];
    }

    private void PruneDaily(DateTimeOffset now)
    {
        var next = Interlocked.Read(ref _nextPruneTicks);
        if (now.UtcTicks < next || Interlocked.CompareExchange(ref _nextPruneTicks, now.AddDays(1).UtcTicks, next) != next) return;
        var removed = store.ForgetMessagesBefore(now.AddDays(-options.CardMemoryDays));
        if (removed > 0) logger.LogInformation("Forgot {Count} Teams cards older than {Days} days", removed, options.CardMemoryDays);
    }
}
