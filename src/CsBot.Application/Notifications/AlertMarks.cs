using CsBot.Core;
using CsBot.Core.Alerts;
using CsBot.Core.Messaging;

namespace CsBot.Application.Notifications;

/// <summary>
/// What one notification run does to one alert (its snooze ended, its people told, its manager told, a recovery sent,
/// the messages that announced it), kept beside the alert as it was instead of as a changed copy. The planner and the
/// thread arrangement add to it; <see cref="Apply"/> makes the alert as it is to be stored.
/// </summary>
/// <remarks>
/// A day's first run at 100k accounts marks some 115k alerts. As copies, the planner's marked ones and the arrangement's
/// announced ones were held whole, one set beside the other, at that run's memory peak; as marks they cost a few
/// references each, and the notifier applies them a part at a time as it stores the alerts. Entries and announcements
/// are added as given, so the alerts told alike share them.
/// </remarks>
public sealed class AlertMarks
{
    private readonly DateTimeOffset _now;
    private bool _snoozeEnded;
    private bool _told;
    private bool _escalated;
    private bool _criticalToldNow;
    private Severity _toldSeverity;
    private IReadOnlyList<Recipient>? _recipients;
    private AlertEvent[] _entries = [];
    private AlertAnnouncement[] _announcements = [];

    public AlertMarks(Alert before, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(before);
        Before = before;
        _now = now;
    }

    /// <summary>The alert as the run found it.</summary>
    public Alert Before { get; }

    public string Id => Before.Id;

    /// <summary>Whether this run changes the alert at all (a marks entry with nothing marked is stored unchanged).</summary>
    public bool IsMarked => _snoozeEnded || _told || _escalated || _entries.Length > 0 || _announcements.Length > 0;

    public AlertState State => _told ? AlertState.Notified : _snoozeEnded ? AlertState.Firing : Before.State;

    public DateTimeOffset? CriticalNotifiedAt =>
        (_snoozeEnded ? null : Before.CriticalNotifiedAt) ?? (_criticalToldNow ? _now : null);

    public IReadOnlyList<Recipient> NotifiedRecipients => _recipients ?? Before.NotifiedRecipients;

    /// <summary>The announcements it had and those this run added, oldest first.</summary>
    public IEnumerable<AlertAnnouncement> Announcements => _announcements.Length == 0 ? Before.Announcements : Before.Announcements.Concat(_announcements);

    /// <summary>Firing again after its snooze ended; the escalation clock restarts from the next notification.</summary>
    public void EndSnooze(AlertEvent entry)
    {
        _snoozeEnded = true;
        _criticalToldNow = false;
        AddEntry(entry);
    }

    /// <summary>Told to <paramref name="told"/> (added to those told before) at <paramref name="severity"/>.</summary>
    public void Tell(Severity severity, IReadOnlyList<Recipient> told, AlertEvent entry)
    {
        var wasCriticalTold = CriticalNotifiedAt is not null;
        _told = true;
        _toldSeverity = severity;
        _criticalToldNow = _criticalToldNow || !wasCriticalTold && severity == Severity.Critical;
        _recipients = NotifiedRecipients.Count == 0 ? told : Union(NotifiedRecipients, told);
        AddEntry(entry);
    }

    /// <summary>Escalated to <paramref name="manager"/>, who is told of its recovery too.</summary>
    public void Escalate(Recipient manager, AlertEvent entry)
    {
        _escalated = true;
        _recipients = Union(NotifiedRecipients, [manager]);
        AddEntry(entry);
    }

    public void AddEntry(AlertEvent entry) => _entries = [.. _entries, entry];

    public void Announce(AlertAnnouncement announcement) => _announcements = [.. _announcements, announcement];

    /// <summary>The alert with this run's marks, as it is to be stored.</summary>
    public Alert Apply()
    {
        if (!IsMarked) return Before;
        return Before with
        {
            State = State,
            SnoozedUntil = _snoozeEnded ? null : Before.SnoozedUntil,
            NotifiedAt = _told ? _now : Before.NotifiedAt,
            NotifiedSeverity = _told ? _toldSeverity : Before.NotifiedSeverity,
            CriticalNotifiedAt = CriticalNotifiedAt,
            EscalatedAt = _escalated ? _now : Before.EscalatedAt,
            NotifiedRecipients = NotifiedRecipients,
            History = Joined(Before.History, _entries),
            Announcements = Joined(Before.Announcements, _announcements),
        };
    }

    private static IReadOnlyList<T> Joined<T>(IReadOnlyList<T> before, T[] added)
    {
        if (added.Length == 0) return before;
        var joined = new T[before.Count + added.Length];
        for (var i = 0; i < before.Count; i++) joined[i] = before[i];
        added.CopyTo(joined, before.Count);
        return joined;
    }

    private static IReadOnlyList<Recipient> Union(IReadOnlyList<Recipient> existing, IEnumerable<Recipient> more)
    {
        var result = existing.ToList();
        foreach (var recipient in more)
            if (!result.Any(r => r.Kind == recipient.Kind && r.Key.Equals(recipient.Key, StringComparison.OrdinalIgnoreCase))) result.Add(recipient);
        return result.Count == existing.Count ? existing : result.ToArray();
    }
}
