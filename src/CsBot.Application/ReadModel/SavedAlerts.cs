using CsBot.Core.Alerts;
using CsBot.Core.Ports;

namespace CsBot.Application.ReadModel;

/// <summary>
/// Patches the held open alerts with what alert upserts logged, as <see cref="IAlertStore.Upsert"/> stores them: each
/// written alert replaces the one with its id (an open one is kept, a resolved one leaves the account's open alerts).
/// Only accounts with a write that did not say what it stored (another instance's writes) are read back, in one read,
/// so catching up after a full evaluation that rewrote 40k alerts reads nothing.
/// </summary>
internal static class SavedAlerts
{
    public static AlertSnapshot Patch(AlertSnapshot held, IAlertStore store, IReadOnlySet<string> ids, LoggedWrites written)
    {
        var openNow = new Dictionary<string, Alert[]>(ids.Count, StringComparer.Ordinal);
        var readBack = new List<string>();
        foreach (var id in ids)
        {
            if (written.All(id) is not { } upserts || !upserts.All(u => u is Alert[]))
            {
                readBack.Add(id);
                continue;
            }
            var open = held.ForAccount(id).ToList();
            foreach (Alert[] upsert in upserts)
                foreach (var alert in upsert)
                {
                    var at = open.FindIndex(a => string.Equals(a.Id, alert.Id, StringComparison.Ordinal));
                    if (at >= 0) open.RemoveAt(at);
                    if (alert.IsOpen) open.Add(alert);
                }
            // In id order, as the store lists an account's alerts.
            openNow[id] = [.. open.OrderBy(a => a.Id, StringComparer.Ordinal)];
        }
        if (readBack.Count > 0)
            foreach (var group in store.GetOpenFor(readBack).GroupBy(a => a.AccountId, StringComparer.Ordinal))
                openNow[group.Key] = [.. group];
        return held.Patch(ids, openNow);
    }
}
