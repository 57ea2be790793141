using System.Collections.Concurrent;
using CsBot.Core.Alerts;
using CsBot.Core.Messaging;

namespace CsBot.Application.ReadModel;

/// <summary>
/// Alerts as the read model holds them: their lists as arrays of their exact length, and their recipients shared. A list
/// built by a collection expression from a query is a list, its array and a read-only wrapper (three objects, each of the
/// three lists of some 100k open alerts at 100k accounts), and every alert read from a store carries its own copies of
/// the few hundred people and channels a portfolio's alerts name.
/// </summary>
internal sealed class HeldAlerts
{
    private readonly ConcurrentDictionary<Recipient, Recipient> _recipients = new();

    /// <summary><paramref name="alert"/> itself when already held so, otherwise an equal alert that is.</summary>
    public Alert Hold(Alert alert)
    {
        var history = Exact(alert.History);
        var recipients = Shared(alert.NotifiedRecipients);
        var announcements = Shared(alert.Announcements);
        return ReferenceEquals(history, alert.History) && ReferenceEquals(recipients, alert.NotifiedRecipients) && ReferenceEquals(announcements, alert.Announcements)
            ? alert
            : alert with { History = history, NotifiedRecipients = recipients, Announcements = announcements };
    }

    /// <summary>Each of <paramref name="alerts"/> held so, in place; returns the same array.</summary>
    public Alert[] Hold(Alert[] alerts)
    {
        for (var i = 0; i < alerts.Length; i++) alerts[i] = Hold(alerts[i]);
        return alerts;
    }

    private static IReadOnlyList<T> Exact<T>(IReadOnlyList<T> list) => list is T[] ? list : list.Count == 0 ? [] : list.ToArray();

    private IReadOnlyList<Recipient> Shared(IReadOnlyList<Recipient> list)
    {
        if (list is Recipient[] && list.All(r => ReferenceEquals(r, Share(r)))) return list;
        return list.Count == 0 ? [] : list.Select(Share).ToArray();
    }

    private IReadOnlyList<AlertAnnouncement> Shared(IReadOnlyList<AlertAnnouncement> list)
    {
        if (list is AlertAnnouncement[] && list.All(a => ReferenceEquals(a.Recipient, Share(a.Recipient)))) return list;
        return list.Count == 0 ? [] : list.Select(a => Share(a.Recipient) is var shared && ReferenceEquals(shared, a.Recipient) ? a : a with { Recipient = shared }).ToArray();
    }

    private Recipient Share(Recipient recipient) => _recipients.GetOrAdd(recipient, recipient);
}
