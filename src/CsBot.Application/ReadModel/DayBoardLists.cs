using System.Collections.Concurrent;

namespace CsBot.Application.ReadModel;

public sealed partial class DayBoard
{
    /// <summary>More distinct lists than this (top movers over many different periods) are built per question instead of kept.</summary>
    private const int MaxLists = 32;

    private readonly ConcurrentDictionary<object, Lazy<object>> _lists = new();

    /// <summary>
    /// The list kept under <paramref name="key"/> for this board, built by <paramref name="build"/> on first use and then
    /// shared by every asker: a list in answer order depends only on the board, and a write makes a new board (see
    /// <see cref="Patch"/>) whose lists start empty, so a list is never out of date.
    /// </summary>
    public T List<T>(object key, Func<DayBoard, T> build) where T : class
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(build);
        if (_lists.TryGetValue(key, out var kept)) return (T)kept.Value;
        if (_lists.Count >= MaxLists) return build(this);
        return (T)_lists.GetOrAdd(key, _ => new Lazy<object>(() => build(this), LazyThreadSafetyMode.ExecutionAndPublication)).Value;
    }
}
