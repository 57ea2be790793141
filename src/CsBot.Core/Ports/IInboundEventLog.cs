namespace CsBot.Core.Ports;

/// <summary>
/// Inbound platform events already taken, kept for a while, so a platform's retry of one is recognised and not
/// answered again, also after a restart.
/// </summary>
public interface IInboundEventLog
{
    /// <summary>
    /// Records <paramref name="eventId"/> of <paramref name="platform"/> as taken until <paramref name="forgetAt"/>. True the
    /// first time (or once an earlier record has expired at <paramref name="now"/>); false for a repeat.
    /// </summary>
    bool TryRecord(string platform, string eventId, DateTimeOffset now, DateTimeOffset forgetAt);
}
