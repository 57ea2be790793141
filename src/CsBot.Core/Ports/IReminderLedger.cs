using CsBot.Core.Reminders;

namespace CsBot.Core.Ports;

/// <summary>Which renewal reminders have been sent, so none is ever sent twice, across restarts.</summary>
public interface IReminderLedger
{
    bool WasSent(ReminderKey key);
    /// <summary>Records reminders as sent at <paramref name="at"/>, in one transaction; recording one again is a no-op.</summary>
    void RecordSent(IReadOnlyCollection<ReminderKey> keys, DateTimeOffset at);
}
