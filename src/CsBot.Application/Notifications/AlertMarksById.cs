using CsBot.Core.Alerts;

namespace CsBot.Application.Notifications;

/// <summary>The marks of one notification run, an entry per alert it changes, keyed by alert id.</summary>
public sealed class AlertMarksById
{
    private readonly Dictionary<string, AlertMarks> _byId = new(StringComparer.Ordinal);
    private readonly DateTimeOffset _now;

    public AlertMarksById(DateTimeOffset now) => _now = now;

    /// <summary>The marks of <paramref name="alert"/>'s id, begun from <paramref name="alert"/> as the run found it when it has none yet.</summary>
    public AlertMarks For(Alert alert)
    {
        ArgumentNullException.ThrowIfNull(alert);
        if (!_byId.TryGetValue(alert.Id, out var marks)) _byId[alert.Id] = marks = new AlertMarks(alert, _now);
        return marks;
    }

    public AlertMarks? Find(string alertId) => _byId.GetValueOrDefault(alertId);

    /// <summary>The marked alerts' marks in id order, the order they are stored in.</summary>
    public AlertMarks[] InIdOrder() => [.. _byId.Values.Where(m => m.IsMarked).OrderBy(m => m.Id, StringComparer.Ordinal)];
}
