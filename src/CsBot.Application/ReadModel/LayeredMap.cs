using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace CsBot.Application.ReadModel;

/// <summary>
/// A read-only map by account id made of a shared base and a small layer of changes on top, so a patch after a write
/// costs what it changes rather than a copy of every account's entry. The layer is folded into a new base once it
/// grows past an eighth of the base, which keeps look-ups at two probes and the copying amortised.
/// </summary>
public sealed class LayeredMap<TValue> : IReadOnlyDictionary<string, TValue> where TValue : class
{
    private const int MinFoldAt = 1024;
    private static readonly Dictionary<string, TValue?> NoChanges = new(StringComparer.Ordinal);

    private readonly IReadOnlyDictionary<string, TValue> _base;
    // A null value: the key was removed.
    private readonly Dictionary<string, TValue?> _changes;

    private LayeredMap(IReadOnlyDictionary<string, TValue> @base, Dictionary<string, TValue?> changes, int count)
    {
        _base = @base;
        _changes = changes;
        Count = count;
    }

    /// <summary>The map over <paramref name="source"/> (shared, not copied: it must not change afterwards).</summary>
    public static LayeredMap<TValue> Of(IReadOnlyDictionary<string, TValue> source)
    {
        ArgumentNullException.ThrowIfNull(source);
        return source as LayeredMap<TValue> ?? new LayeredMap<TValue>(source, NoChanges, source.Count);
    }

    /// <summary>A new map with <paramref name="changes"/> applied (a null value removes the key); this one is left as it was.</summary>
    public LayeredMap<TValue> With(IEnumerable<KeyValuePair<string, TValue?>> changes)
    {
        ArgumentNullException.ThrowIfNull(changes);
        var layer = new Dictionary<string, TValue?>(_changes, StringComparer.Ordinal);
        foreach (var (key, value) in changes) layer[key] = value;
        if (layer.Count > Math.Max(MinFoldAt, _base.Count / 8)) return Fold(layer);
        var count = _base.Count;
        foreach (var (key, value) in layer)
            count += (value is null ? 0 : 1) - (_base.ContainsKey(key) ? 1 : 0);
        return new LayeredMap<TValue>(_base, layer, count);
    }

    private LayeredMap<TValue> Fold(Dictionary<string, TValue?> layer)
    {
        var folded = new Dictionary<string, TValue>(_base.Count + layer.Count, StringComparer.Ordinal);
        foreach (var (key, value) in _base)
            if (!layer.ContainsKey(key)) folded[key] = value;
        foreach (var (key, value) in layer)
            if (value is not null) folded[key] = value;
        return new LayeredMap<TValue>(folded, NoChanges, folded.Count);
    }

    public int Count { get; }

    public TValue this[string key] => TryGetValue(key, out var value) ? value : throw new KeyNotFoundException($"No entry for '{key}'.");

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out TValue value)
    {
        if (_changes.TryGetValue(key, out var changed))
        {
            value = changed;
            return changed is not null;
        }
        return _base.TryGetValue(key, out value);
    }

    public bool ContainsKey(string key) => TryGetValue(key, out _);

    public IEnumerable<string> Keys => this.Select(p => p.Key);
    public IEnumerable<TValue> Values => this.Select(p => p.Value);

    public IEnumerator<KeyValuePair<string, TValue>> GetEnumerator()
    {
        foreach (var pair in _base)
            if (!_changes.ContainsKey(pair.Key)) yield return pair;
        foreach (var (key, value) in _changes)
            if (value is not null) yield return new KeyValuePair<string, TValue>(key, value);
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
