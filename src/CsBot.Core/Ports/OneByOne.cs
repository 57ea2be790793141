namespace CsBot.Core.Ports;

/// <summary>
/// The default of a port's many-keys read for a store that has only the one-key read: each distinct key read once, the
/// keys with nothing stored left out.
/// </summary>
internal static class OneByOne
{
    public static Dictionary<string, T> Read<T>(IEnumerable<string> keys, Func<string, T?> read) where T : class
    {
        ArgumentNullException.ThrowIfNull(keys);
        var found = new Dictionary<string, T>(StringComparer.Ordinal);
        foreach (var key in keys)
            if (!found.ContainsKey(key) && read(key) is { } value) found[key] = value;
        return found;
    }
}
