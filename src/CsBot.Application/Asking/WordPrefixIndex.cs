namespace CsBot.Application.Asking;

/// <summary>
/// Normalised names in ordinal order, to find the ones a typed text is a word prefix of ("acme" of "acme corp" and of
/// "acme", not of "acmelabs") by binary search: every name starting with the text sits in one run of that order, so a
/// look-up compares with a few names instead of every name in the portfolio.
/// </summary>
public sealed class WordPrefixIndex
{
    private readonly string[] _names;
    private readonly int[] _positions;

    /// <param name="names">Normalised names; a look-up answers with their positions in this list.</param>
    public WordPrefixIndex(IReadOnlyList<string> names)
    {
        ArgumentNullException.ThrowIfNull(names);
        _positions = [.. Enumerable.Range(0, names.Count)];
        // Ties by position, so equal names come back in the order they were given.
        Array.Sort(_positions, (a, b) => string.CompareOrdinal(names[a], names[b]) is var byName and not 0 ? byName : a.CompareTo(b));
        _names = [.. _positions.Select(i => names[i])];
    }

    /// <summary>The positions of the names <paramref name="typed"/> is a word prefix of, in the order they were given.</summary>
    public List<int> Find(string typed)
    {
        ArgumentNullException.ThrowIfNull(typed);
        var found = new List<int>();
        for (var i = FirstNotBefore(typed); i < _names.Length && _names[i].StartsWith(typed, StringComparison.Ordinal); i++)
            if (IsWordPrefix(typed, _names[i])) found.Add(_positions[i]);
        found.Sort();
        return found;
    }

    /// <summary>"acme" is a word prefix of "acme corp" (and of "acme"), not of "acmelabs".</summary>
    public static bool IsWordPrefix(string typed, string name) =>
        name.StartsWith(typed, StringComparison.Ordinal) && (name.Length == typed.Length || name[typed.Length] == ' ');

    /// <summary>The first position in the order whose name is not ordinally before <paramref name="typed"/>.</summary>
    private int FirstNotBefore(string typed)
    {
        int low = 0, high = _names.Length;
        while (low < high)
        {
            var mid = low + (high - low) / 2;
            if (string.CompareOrdinal(_names[mid], typed) < 0) low = mid + 1;
            else high = mid;
        }
        return low;
    }
}
