namespace CsBot.Core.Querying;

/// <summary>Small typo tolerance for the fixed vocabulary of the grammar (month, unit and metric words).</summary>
internal static class EditDistance
{
    /// <summary>
    /// Optimal string alignment distance (insert, delete, substitute, swap two neighbours), or <c>max + 1</c>
    /// as soon as it is clear the distance is larger than <paramref name="max"/>.
    /// </summary>
    public static int Bounded(ReadOnlySpan<char> a, ReadOnlySpan<char> b, int max)
    {
        if (Math.Abs(a.Length - b.Length) > max) return max + 1;
        if (a.Length > 32 || b.Length > 32) return a.SequenceEqual(b) ? 0 : max + 1;

        Span<int> prev2 = stackalloc int[b.Length + 1];
        Span<int> prev = stackalloc int[b.Length + 1];
        Span<int> cur = stackalloc int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++) prev[j] = j;

        for (var i = 1; i <= a.Length; i++)
        {
            cur[0] = i;
            var rowMin = cur[0];
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var d = Math.Min(Math.Min(prev[j] + 1, cur[j - 1] + 1), prev[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) d = Math.Min(d, prev2[j - 2] + 1);
                cur[j] = d;
                rowMin = Math.Min(rowMin, d);
            }
            if (rowMin > max) return max + 1;
            var t = prev2; prev2 = prev; prev = cur; cur = t;
        }
        return prev[b.Length];
    }

    /// <summary>
    /// The vocabulary word a typed word is a typo of, or null. Only words of five letters or more are corrected,
    /// the first letter must match (typos rarely hit it, and it keeps "gears" from becoming "years"),
    /// one edit is allowed, two from eight letters.
    /// </summary>
    public static string? Correct(string word, IReadOnlyList<string> vocabulary)
    {
        if (word.Length < 5) return null;
        var max = word.Length >= 8 ? 2 : 1;
        string? best = null;
        var bestDistance = max + 1;
        foreach (var candidate in vocabulary)
        {
            if (candidate[0] != word[0]) continue;
            var d = Bounded(word, candidate, max);
            if (d < bestDistance)
            {
                bestDistance = d;
                best = candidate;
            }
        }
        return best;
    }
}
