using CsBot.Core.Alerts;
using CsBot.Core.Formatting;

namespace CsBot.Application.Notifications;

/// <summary>
/// What an alert message says about an alert's state now, read from its history (the single truth): who acknowledged,
/// snoozed, handled or handed it over, from which platform, whether it escalated, rose or recovered. Every message
/// that announced the alert is redrawn with these lines.
/// </summary>
public static class AlertStatusLines
{
    public const string Handled = "handled";
    public const string HandedOverTo = "handed over to ";

    public static IReadOnlyList<string> For(Alert alert)
    {
        var lines = new List<string>();
        var history = alert.History;
        if (alert.State == AlertState.Resolved)
        {
            var handled = Last(history, e => e.What.StartsWith(Handled, StringComparison.Ordinal));
            var resolved = Last(history, e => e.What.StartsWith("resolved", StringComparison.Ordinal));
            lines.Add(handled is not null && (resolved is null || handled.At >= resolved.At)
                ? $"Handled by {Who(handled)} at {Format.Instant(handled.At)}{Where(handled)}: closed by hand."
                : $"Recovered at {Format.Instant(alert.ResolvedAt ?? alert.LastEvaluatedAt)}: the condition no longer holds.");
            return lines;
        }
        if (alert.State == AlertState.Acknowledged && Last(history, e => e.What == "acknowledged") is { } ack)
        {
            lines.Add($"Acknowledged by {Who(ack)} at {Format.Instant(ack.At)}{Where(ack)}");
            if (Last(history, e => e.What.StartsWith(HandedOverTo, StringComparison.Ordinal)) is { } over && over.At >= ack.At)
                lines.Add($"Handed over to {NameOf(over.What[HandedOverTo.Length..])} by {Who(over)} at {Format.Instant(over.At)}{Where(over)}");
        }
        if (alert.State == AlertState.Snoozed && alert.SnoozedUntil is { } until && Last(history, e => e.What.StartsWith("snoozed until", StringComparison.Ordinal)) is { } snooze)
            lines.Add($"Snoozed until {Format.Instant(until)} by {Who(snooze)}{Where(snooze)}");
        if (Last(history, e => e.What.StartsWith("escalated to ", StringComparison.Ordinal)) is { } escalated)
            lines.Add($"Escalated to {escalated.What["escalated to ".Length..].Split(':')[0]} at {Format.Instant(escalated.At)}.");
        if (Last(history, e => e.What.StartsWith("severity rose from", StringComparison.Ordinal)) is { } rose)
            lines.Add($"Severity rose to {alert.Severity} at {Format.Instant(rose.At)}.");
        if (alert.State is AlertState.Firing or AlertState.Notified && Last(history, e => e.What.StartsWith("reminder sent", StringComparison.Ordinal)) is { } reminded)
            lines.Add($"Reminded at {Format.Instant(reminded.At)}: still firing.");
        return lines;
    }

    /// <summary>True when the alert needs nothing more from whoever reads the message: its buttons go.</summary>
    public static bool IsSettled(Alert alert) => alert.State is AlertState.Resolved or AlertState.Acknowledged or AlertState.Snoozed;

    /// <summary>The display name in a history entry's "Name &lt;email&gt;".</summary>
    public static string NameOf(string by)
    {
        var cut = by.LastIndexOf(" <", StringComparison.Ordinal);
        return cut > 0 && by.EndsWith('>') ? by[..cut] : by;
    }

    /// <summary>The email in a history entry's "Name &lt;email&gt;"; null when only a name was recorded.</summary>
    public static string? EmailOf(string by)
    {
        var cut = by.LastIndexOf(" <", StringComparison.Ordinal);
        return cut > 0 && by.EndsWith('>') ? by[(cut + 2)..^1] : null;
    }

    private static string Who(AlertEvent e) => e.By is { } by ? NameOf(by) : "someone";

    private static string Where(AlertEvent e) => e.Platform is { } platform ? $" ({platform})" : "";

    private static AlertEvent? Last(IReadOnlyList<AlertEvent> history, Func<AlertEvent, bool> match)
    {
        for (var i = history.Count - 1; i >= 0; i--)
            if (match(history[i])) return history[i];
        return null;
    }
}
