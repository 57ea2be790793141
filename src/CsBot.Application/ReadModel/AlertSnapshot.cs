using CsBot.Core.Alerts;

namespace CsBot.Application.ReadModel;

/// <summary>The open alerts, grouped by account. Immutable; a write makes a patched copy.</summary>
public sealed class AlertSnapshot
{
    // Grouped once per snapshot: list answers ask for every account's alerts, so a look-up must not allocate.
    private readonly LayeredMap<Alert[]> _byAccount;
    private readonly Lazy<IReadOnlyList<Alert>> _open;
    // Shared with the patched copies, so the alerts written later share the recipients held before.
    private readonly HeldAlerts _held;

    public AlertSnapshot(IReadOnlyList<Alert> open)
        : this(open, new HeldAlerts())
    {
    }

    private AlertSnapshot(IReadOnlyList<Alert> open, HeldAlerts held)
        : this(LayeredMap<Alert[]>.Of(open.GroupBy(a => a.AccountId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => held.Hold(g.ToArray()), StringComparer.Ordinal)), held)
    {
    }

    private AlertSnapshot(LayeredMap<Alert[]> byAccount, HeldAlerts held)
    {
        _byAccount = byAccount;
        _held = held;
        // Listed only for the few answers that walk every open alert; in id order, as the store lists them.
        _open = new Lazy<IReadOnlyList<Alert>>(() => [.. _byAccount.Values.SelectMany(a => a).OrderBy(a => a.Id, StringComparer.Ordinal)]);
    }

    /// <summary>The change-log version of the alerts this snapshot reflects.</summary>
    public long Version { get; internal set; }

    /// <summary>Every open alert, ordered by id.</summary>
    public IReadOnlyList<Alert> Open => _open.Value;

    /// <summary><paramref name="alerts"/> as this snapshot holds alerts (texts and recipients shared with those it holds), each itself when already so.</summary>
    internal IReadOnlyList<Alert> Hold(IReadOnlyList<Alert> alerts) => alerts.Count == 0 ? alerts : _held.Hold([.. alerts]);

    public IReadOnlyList<Alert> ForAccount(string accountId) => _byAccount.TryGetValue(accountId, out var alerts) ? alerts : [];

    /// <summary>
    /// This snapshot with the open alerts of <paramref name="accountIds"/> replaced by <paramref name="openNow"/> (each
    /// account's open alerts as stored now; an account missing from it has none).
    /// </summary>
    public AlertSnapshot Patch(IReadOnlyCollection<string> accountIds, IReadOnlyDictionary<string, Alert[]> openNow)
    {
        ArgumentNullException.ThrowIfNull(accountIds);
        if (accountIds.Count == 0) return this;
        return new AlertSnapshot(_byAccount.With(accountIds.Select(id =>
            KeyValuePair.Create(id, openNow.TryGetValue(id, out var open) && open.Length > 0 ? _held.Hold([.. open]) : null))), _held);
    }
}
