namespace CsBot.Application.ReadModel;

/// <summary>
/// What the writes a <see cref="ChangeLog"/> holds since some version said they stored, per account: each value logged
/// after the account's last write that did not say (oldest first), and which accounts had such a write. A reader takes
/// what was logged instead of reading it back where that is enough: the last value of a write that replaces the account
/// whole, or every value, applied in order over what it holds, of one that adds to it.
/// </summary>
public sealed class LoggedWrites(IReadOnlyDictionary<string, List<object>> values, IReadOnlySet<string> unlogged)
{
    public static readonly LoggedWrites None = new(new Dictionary<string, List<object>>(), new HashSet<string>());

    /// <summary>Accounts with at least one value logged after their last write that did not say what it stored.</summary>
    public int Count => values.Count;

    /// <summary>The value the account's last write logged, when that write said what it stored.</summary>
    public object? Last(string accountId) => values.TryGetValue(accountId, out var list) ? list[^1] : null;

    /// <summary>
    /// Every value logged for the account, oldest first, when every write since said what it stored; null when one did
    /// not (what the account held before it is unknown here, so it must be read back).
    /// </summary>
    public IReadOnlyList<object>? All(string accountId) =>
        !unlogged.Contains(accountId) && values.TryGetValue(accountId, out var list) ? list : null;
}
