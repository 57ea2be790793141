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
/// <remarks>
/// Their texts are shared too: a rule's id, a reason, a history entry ("fired: no login for 17 days (last on
/// 2026-11-16)", "notified: Aisha Karim, #cs-alerts") and a message key repeat across thousands of alerts, and each
/// store read and each evaluation made its own copy (after a day's first run at 100k accounts some 35 MB of the read
/// model's strings were copies). The texts are pooled up to <see cref="MaxTexts"/> and the pool then starts afresh, so
/// texts no alert uses any more are not held for good by a process that runs for years.
/// </remarks>
internal sealed class HeldAlerts
{
    /// <summary>Distinct texts pooled at most: a portfolio's alerts repeat a few thousand; the pool starts afresh beyond this.</summary>
    internal const int MaxTexts = 50_000;

    private readonly ConcurrentDictionary<Recipient, Recipient> _recipients = new();
    private readonly ConcurrentDictionary<string, string> _texts = new(StringComparer.Ordinal);

    /// <summary><paramref name="alert"/> itself when already held so, otherwise an equal alert that is.</summary>
    public Alert Hold(Alert alert)
    {
        var history = Shared(alert.History);
        var recipients = Shared(alert.NotifiedRecipients);
        var announcements = Shared(alert.Announcements);
        var ruleId = Text(alert.RuleId);
        var reason = Text(alert.Reason);
        var acknowledgedBy = TextOrNull(alert.AcknowledgedBy);
        var acknowledgedPlatform = TextOrNull(alert.AcknowledgedPlatform);
        return ReferenceEquals(history, alert.History) && ReferenceEquals(recipients, alert.NotifiedRecipients) && ReferenceEquals(announcements, alert.Announcements)
               && ReferenceEquals(ruleId, alert.RuleId) && ReferenceEquals(reason, alert.Reason)
               && ReferenceEquals(acknowledgedBy, alert.AcknowledgedBy) && ReferenceEquals(acknowledgedPlatform, alert.AcknowledgedPlatform)
            ? alert
            : alert with
            {
                History = history, NotifiedRecipients = recipients, Announcements = announcements, RuleId = ruleId, Reason = reason,
                AcknowledgedBy = acknowledgedBy, AcknowledgedPlatform = acknowledgedPlatform,
            };
    }

    /// <summary>Each of <paramref name="alerts"/> held so, in place; returns the same array.</summary>
    public Alert[] Hold(Alert[] alerts)
    {
        for (var i = 0; i < alerts.Length; i++) alerts[i] = Hold(alerts[i]);
        return alerts;
    }

    private IReadOnlyList<AlertEvent> Shared(IReadOnlyList<AlertEvent> list)
    {
        if (list.Count == 0) return list is AlertEvent[] ? list : [];
        AlertEvent[]? shared = list is AlertEvent[] ? null : new AlertEvent[list.Count];
        for (var i = 0; i < list.Count; i++)
        {
            var entry = list[i];
            var what = Text(entry.What);
            var by = TextOrNull(entry.By);
            var platform = TextOrNull(entry.Platform);
            if (!ReferenceEquals(what, entry.What) || !ReferenceEquals(by, entry.By) || !ReferenceEquals(platform, entry.Platform))
            {
                shared ??= [.. list];
                entry = entry with { What = what, By = by, Platform = platform };
            }
            if (shared is not null) shared[i] = entry;
        }
        return shared ?? list;
    }

    private IReadOnlyList<Recipient> Shared(IReadOnlyList<Recipient> list)
    {
        if (list is Recipient[] && list.All(r => ReferenceEquals(r, Share(r)))) return list;
        return list.Count == 0 ? [] : list.Select(Share).ToArray();
    }

    private IReadOnlyList<AlertAnnouncement> Shared(IReadOnlyList<AlertAnnouncement> list)
    {
        if (list is AlertAnnouncement[] && list.All(a => ReferenceEquals(a.Recipient, Share(a.Recipient)) && ReferenceEquals(a.MessageKey, Text(a.MessageKey)))) return list;
        return list.Count == 0 ? [] : list.Select(a => Share(a.Recipient) is var shared && Text(a.MessageKey) is var key && ReferenceEquals(shared, a.Recipient) && ReferenceEquals(key, a.MessageKey)
            ? a
            : a with { Recipient = shared, MessageKey = key }).ToArray();
    }

    private string? TextOrNull(string? text) => text is null ? null : Text(text);

    private string Text(string text)
    {
        if (_texts.TryGetValue(text, out var held)) return held;
        // Starting afresh loses only sharing, never a text: every alert keeps the strings it holds.
        if (_texts.Count >= MaxTexts) _texts.Clear();
        return _texts.GetOrAdd(text, text);
    }

    private Recipient Share(Recipient recipient) => _recipients.GetOrAdd(recipient, recipient);
}
