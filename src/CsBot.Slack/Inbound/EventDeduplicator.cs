namespace CsBot.Slack.Inbound;

/// <summary>
/// Remembers the event_id of every event taken, for an hour (Slack's last retry comes about 6 minutes after the
/// first delivery), so a retry of an event already being answered is acknowledged and dropped, not answered twice.
/// </summary>
public sealed class EventDeduplicator(TimeProvider time)
{
    public static readonly TimeSpan Memory = TimeSpan.FromHours(1);
    public const int Capacity = 20_000;

    private readonly ExpiringCache<string, bool> _seen = new(time, Memory, Capacity);

    /// <summary>True the first time an event id is seen (or once it has been forgotten).</summary>
    public bool FirstSighting(string eventId) => _seen.TryAdd(eventId, true);
}
