namespace CsBot.Application.Asking;

/// <summary>
/// The first rows of a list in a given order without sorting all of it: a list answer shows ten rows of what can be
/// thousands of accounts.
/// </summary>
internal static class TopRows
{
    /// <summary>
    /// The first <paramref name="count"/> items in <paramref name="compare"/> order, ties in input order: exactly what a
    /// stable sort followed by Take would give.
    /// </summary>
    public static List<T> Take<T>(IReadOnlyList<T> items, int count, Comparison<T> compare)
    {
        var best = new List<T>(Math.Max(0, count) + 1);
        if (count <= 0) return best;
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            // An item equal to the last kept one comes later in the input, so a stable sort would put it after.
            if (best.Count == count && compare(item, best[^1]) >= 0) continue;
            var at = best.Count;
            while (at > 0 && compare(item, best[at - 1]) < 0) at--;
            best.Insert(at, item);
            if (best.Count > count) best.RemoveAt(count);
        }
        return best;
    }
}
