using CsBot.Core;
using CsBot.Core.Alerts;
using CsBot.Core.Messaging;

namespace CsBot.Application.Notifications;

/// <summary>
/// Redraws a message that announced alerts from their state now: each alert's section gets its status lines
/// (<see cref="AlertStatusLines"/>) and loses its buttons once nothing more is asked of the reader. Always starts
/// from the message as first sent (the outbox keeps it unchanged), so lines never stack across updates.
/// </summary>
public static class LivingAlertMessage
{
    public const string RecoveredSuffix = " (recovered)";

    /// <summary>The alert ids of the sections of a message as first sent, read from their Acknowledge buttons.</summary>
    public static IReadOnlyList<string> AlertIds(ChatMessage original) =>
        [.. original.Sections.Select(NotificationMessageBuilder.AlertIdOf).OfType<string>().Distinct(StringComparer.Ordinal)];

    public static ChatMessage Render(ChatMessage original, IReadOnlyDictionary<string, Alert> alerts)
    {
        var shown = new List<Alert>();
        var sections = original.Sections.Select(section =>
        {
            if (NotificationMessageBuilder.AlertIdOf(section) is not { } id || !alerts.TryGetValue(id, out var alert)) return section;
            shown.Add(alert);
            var lines = AlertStatusLines.For(alert);
            var text = lines.Count == 0 ? section.Text : string.Join("\n", new[] { section.Text }.Where(t => !string.IsNullOrEmpty(t)).Concat(lines));
            return section with { Text = text, Actions = AlertStatusLines.IsSettled(alert) ? [] : section.Actions };
        }).ToList();
        if (shown.Count == 0) return original;

        var open = shown.Where(a => a.IsOpen).ToList();
        if (open.Count == 0)
            return original with { Sections = sections, Severity = null, Title = original.Title + RecoveredSuffix, FallbackText = original.PreviewText + RecoveredSuffix };
        Severity? top = open.Max(a => a.Severity);
        return original with { Sections = sections, Severity = original.Severity is { } first && first > top ? first : top };
    }
}
