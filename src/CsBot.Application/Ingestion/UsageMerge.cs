using CsBot.Core.Signals;

namespace CsBot.Application.Ingestion;

/// <summary>
/// Merges a batch's days of usage into an account's stored series, which is sorted by day with at most one entry a
/// day (<see cref="AccountSignals.Usage"/>): each incoming day is found by binary search and inserted, replaced or left.
/// </summary>
/// <remarks>
/// The shared merge keys every stored signal in a dictionary first; for usage that was a string and a boxed copy per
/// stored day, 180 of each for every account of a 1,000-row batch to add one day. This costs nothing per stored day
/// but the copy of the series when something changes.
/// </remarks>
internal static class UsageMerge
{
    /// <summary>
    /// The series with <paramref name="incoming"/> (one per day) merged in, sorted, or null when the stored series is
    /// not sorted by day with one entry a day (the caller then merges it the general way). Counts what each day did.
    /// </summary>
    public static UsageDay[]? Into(UsageDay[] stored, IEnumerable<UsageDay> incoming, out int inserted, out int updated, out int unchanged)
    {
        inserted = updated = unchanged = 0;
        for (var i = 1; i < stored.Length; i++)
            if (stored[i - 1].Date >= stored[i].Date) return null;

        List<UsageDay>? merged = null;
        foreach (var day in incoming)
        {
            // The stored series until the first change copies it.
            var current = (IReadOnlyList<UsageDay>?)merged ?? stored;
            var at = IndexOf(current, day.Date);
            if (at >= 0)
            {
                if (current[at] == day)
                {
                    unchanged++;
                    continue;
                }
                merged ??= [.. stored];
                merged[at] = day;
                updated++;
            }
            else
            {
                merged ??= [.. stored];
                merged.Insert(~at, day);
                inserted++;
            }
        }
        return merged is null ? stored : [.. merged];
    }

    /// <summary>The position of <paramref name="date"/> in the sorted days, or the bitwise complement of where it would go.</summary>
    private static int IndexOf(IReadOnlyList<UsageDay> days, DateOnly date)
    {
        int low = 0, high = days.Count - 1;
        while (low <= high)
        {
            var middle = low + (high - low) / 2;
            var compared = days[middle].Date.CompareTo(date);
            if (compared == 0) return middle;
            if (compared < 0) low = middle + 1;
            else high = middle - 1;
        }
        return ~low;
    }
}
