using CsBot.Core.Ports;
using CsBot.Slack.Outbound;
using Microsoft.Extensions.Logging;

namespace CsBot.Slack.Inbound;

/// <summary>
/// Remembers the event_id of every event taken, for an hour (Slack's last retry comes about 6 minutes after the
/// first delivery), so a retry of an event already being answered is acknowledged and dropped, not answered twice.
/// Kept in memory for speed and in the stored <see cref="IInboundEventLog"/>, so a retry that arrives after a restart
/// (Slack retried because the process died before answering in time) is recognised too.
/// </summary>
public sealed class EventDeduplicator(TimeProvider time, IInboundEventLog log, ILogger<EventDeduplicator> logger)
{
    public static readonly TimeSpan Memory = TimeSpan.FromHours(1);
    public const int Capacity = 20_000;

    private readonly ExpiringCache<string, bool> _seen = new(time, Memory, Capacity);

    /// <summary>True the first time an event id is seen (or once it has been forgotten).</summary>
    public bool FirstSighting(string eventId)
    {
        if (!_seen.TryAdd(eventId, true)) return false;
        var now = time.GetUtcNow();
        try
        {
            return log.TryRecord(SlackChatSender.PlatformName, eventId, now, now + Memory);
        }
        catch (Exception ex)
        {
            // Answering twice is better than not answering: a store that fails must not silence the bot.
            logger.LogError(ex, "Could not check event {EventId} against the stored event log; answering it", eventId);
            return true;
        }
    }
}
