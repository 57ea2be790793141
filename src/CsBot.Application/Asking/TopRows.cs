namespace CsBot.Application.Asking;

/// <summary>
/// Keeps the first rows of a list in a given order while the rows stream past, without collecting or sorting all
/// of them: a list answer shows ten rows of what can be thousands of accounts, and a list of thousands of rows
/// per question would land on the large-object heap.
/// </summary>
internal sealed class TopRows<T>(int count, Comparison<T> compare)
{
    private readonly List<T> _best = new(Math.Max(0, count) + 1);

    /// <summary>How many rows were offered in all.</summary>
    public int Seen { get; private set; }

    /// <summary>The first rows in order, ties in the order they were offered: what a stable sort and Take would give.</summary>
    public IReadOnlyList<T> Best => _best;

    public void Add(T item)
    {
        Seen++;
        if (count <= 0) return;
        // An item equal to the last kept one came later, so a stable sort would put it after.
        if (_best.Count == count && compare(item, _best[^1]) >= 0) return;
        var at = _best.Count;
        while (at > 0 && compare(item, _best[at - 1]) < 0) at--;
        _best.Insert(at, item);
        if (_best.Count > count) _best.RemoveAt(count);
    }
}

internal static class TopRows
{
    public static IReadOnlyList<T> Take<T>(IEnumerable<T> items, int count, Comparison<T> compare)
    {
        var top = new TopRows<T>(count, compare);
        foreach (var item in items) top.Add(item);
        return top.Best;
    }
}
