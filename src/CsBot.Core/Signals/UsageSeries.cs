namespace CsBot.Core.Signals;

/// <summary>
/// A usage series as it is kept: sorted by day, at most one entry a day (<see cref="AccountSignals.Usage"/>). An
/// ingestion merges a batch's days into it and the LiteDB store applies its journal's days over it, the same merge.
/// </summary>
public static class UsageSeries
{
    /// <summary>Whether <paramref name="usage"/> is sorted by day with one entry a day.</summary>
    public static bool IsOnePerDay(ReadOnlySpan<UsageDay> usage)
    {
        for (var i = 1; i < usage.Length; i++)
            if (usage[i - 1].Date >= usage[i].Date) return false;
        return true;
    }

    /// <summary>
    /// <paramref name="days"/> merged into <paramref name="stored"/>, both one a day and sorted: a day of both is taken
    /// from <paramref name="days"/>. Returns <paramref name="stored"/> itself when no day inserts or changes anything, and
    /// counts what each day did. Into one array: new days after the stored ones (a feed's) are copied after them.
    /// </summary>
    public static UsageDay[] Merge(UsageDay[] stored, ReadOnlySpan<UsageDay> days, out int inserted, out int updated, out int unchanged)
    {
        inserted = updated = unchanged = 0;
        if (days.IsEmpty) return stored;
        var merged = new UsageDay[stored.Length + days.Length];
        if (stored.Length == 0 || stored[^1].Date < days[0].Date)
        {
            stored.CopyTo(merged, 0);
            days.CopyTo(merged.AsSpan(stored.Length));
            inserted = days.Length;
            return merged;
        }
        int s = 0, count = 0;
        foreach (var day in days)
        {
            while (s < stored.Length && stored[s].Date < day.Date) merged[count++] = stored[s++];
            if (s < stored.Length && stored[s].Date == day.Date)
            {
                if (stored[s++] == day) unchanged++;
                else updated++;
            }
            else
            {
                inserted++;
            }
            merged[count++] = day;
        }
        if (inserted + updated == 0) return stored;
        stored.AsSpan(s).CopyTo(merged.AsSpan(count));
        count += stored.Length - s;
        return count == merged.Length ? merged : merged[..count];
    }
}
