namespace CsBot.Core.Ports;

/// <summary>
/// The account ids after <see cref="After"/> up to and including <see cref="Through"/>, in ordinal order; a null bound
/// is open. Consecutive ranges of a portfolio share their bounds, so together they hold every id exactly once, including
/// ids saved after the ranges were cut.
/// </summary>
public sealed record AccountIdRange(string? After, string? Through)
{
    /// <summary>Every id.</summary>
    public static AccountIdRange All { get; } = new(null, null);

    public bool Contains(string accountId)
    {
        ArgumentNullException.ThrowIfNull(accountId);
        return (After is null || string.CompareOrdinal(accountId, After) > 0) && (Through is null || string.CompareOrdinal(accountId, Through) <= 0);
    }

    /// <summary>
    /// Consecutive ranges cut at <paramref name="bounds"/> (ascending, distinct): the first up to and including the first
    /// bound, the last after the last bound and open.
    /// </summary>
    public static IReadOnlyList<AccountIdRange> Between(IReadOnlyList<string> bounds)
    {
        ArgumentNullException.ThrowIfNull(bounds);
        var ranges = new List<AccountIdRange>(bounds.Count + 1);
        string? after = null;
        foreach (var bound in bounds)
        {
            if (after is not null && string.CompareOrdinal(bound, after) <= 0) throw new ArgumentException("Bounds must be ascending and distinct.", nameof(bounds));
            ranges.Add(new AccountIdRange(after, bound));
            after = bound;
        }
        ranges.Add(new AccountIdRange(after, null));
        return ranges;
    }
}
