using System.Collections.Concurrent;

namespace CsBot.Slack;

/// <summary>
/// A small in-memory cache whose entries expire after a fixed time on the injected clock and whose size is
/// bounded: when full, expired entries go first, then the oldest, so a flood of keys cannot exhaust memory.
/// </summary>
public sealed class ExpiringCache<TKey, TValue>(TimeProvider time, TimeSpan lifetime, int capacity) where TKey : notnull
{
    private readonly ConcurrentDictionary<TKey, (TValue Value, DateTimeOffset Expires)> _entries = new();

    public int Count => _entries.Count;

    public bool TryGet(TKey key, out TValue value)
    {
        if (_entries.TryGetValue(key, out var entry) && entry.Expires > time.GetUtcNow())
        {
            value = entry.Value;
            return true;
        }
        value = default!;
        return false;
    }

    public void Set(TKey key, TValue value)
    {
        _entries[key] = (value, time.GetUtcNow() + lifetime);
        if (_entries.Count > capacity) Trim();
    }

    /// <summary>Adds the key unless a live entry exists. True when added: the caller is the first to see it.</summary>
    public bool TryAdd(TKey key, TValue value)
    {
        var now = time.GetUtcNow();
        var added = false;
        _entries.AddOrUpdate(key,
            _ => { added = true; return (value, now + lifetime); },
            (_, existing) =>
            {
                if (existing.Expires > now) return existing;
                added = true;
                return (value, now + lifetime);
            });
        if (added && _entries.Count > capacity) Trim();
        return added;
    }

    private void Trim()
    {
        var now = time.GetUtcNow();
        foreach (var (key, entry) in _entries)
            if (entry.Expires <= now) _entries.TryRemove(key, out _);
        var excess = _entries.Count - capacity;
        if (excess <= 0) return;
        foreach (var (key, _) in _entries.OrderBy(e => e.Value.Expires).Take(excess).ToList())
            _entries.TryRemove(key, out _);
    }
}
