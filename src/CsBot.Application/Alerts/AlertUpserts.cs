using CsBot.Core.Alerts;
using CsBot.Core.Ports;

namespace CsBot.Application.Alerts;

/// <summary>Large alert writes, made in parts the read model can follow.</summary>
public static class AlertUpserts
{
    /// <summary>
    /// Alerts per upsert: each part is logged on its own, so the read model patches a full evaluation's 40k rewritten
    /// alerts in from what was written, part by part, instead of reading every open alert again. Within the read
    /// model's change log (<see cref="ReadModel.ChangeLog.DefaultCapacity"/>), and as many as a LiteDB transaction writes.
    /// </summary>
    public const int PartSize = 1_000;

    /// <summary>
    /// Upserts <paramref name="alerts"/> <see cref="PartSize"/> at a time. A run that stops midway has written whole
    /// parts only; every writer of many alerts (the evaluation, the notifier) reconciles from what is stored on its
    /// next run, so the rest is written then.
    /// </summary>
    public static void UpsertInParts(this IAlertStore store, IReadOnlyCollection<Alert> alerts)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(alerts);
        foreach (var part in alerts.Chunk(PartSize)) store.Upsert(part);
    }

    /// <summary>
    /// Upserts the alerts <paramref name="alerts"/> stand for (alerts, or what is to be marked on them) <see cref="PartSize"/>
    /// at a time, each part as <paramref name="asStored"/> makes it, and lets go of each part as given once it is stored
    /// (its places in <paramref name="alerts"/> are cleared), so the alerts as given and as stored are never both held
    /// whole. Returns the alerts as stored, in order.
    /// </summary>
    public static List<Alert> UpsertInParts<T>(this IAlertStore store, T[] alerts, Func<IReadOnlyList<T>, IReadOnlyList<Alert>> asStored)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(alerts);
        ArgumentNullException.ThrowIfNull(asStored);
        var stored = new List<Alert>(alerts.Length);
        for (var start = 0; start < alerts.Length; start += PartSize)
        {
            var length = Math.Min(PartSize, alerts.Length - start);
            var part = asStored(alerts[start..(start + length)]);
            store.Upsert(part);
            stored.AddRange(part);
            Array.Clear(alerts, start, length);
        }
        return stored;
    }
}
