using CsBot.Core.Signals;

namespace CsBot.Application.Ingestion;

/// <summary>
/// Merges a batch's days of usage into an account's stored series, which is sorted by day with at most one entry a
/// day (<see cref="AccountSignals.Usage"/>): the incoming days, sorted, are walked beside the stored ones and each
/// inserted, replaced or left (<see cref="UsageSeries.Merge"/>, which the LiteDB store's usage journal applies too).
/// </summary>
/// <remarks>
/// The shared merge keys every stored signal in a dictionary first; for usage that was a string and a boxed copy per
/// stored day, 180 of each for every account of a 1,000-row batch to add one day. This costs nothing per stored day
/// but one copy of the series when something changes (a list grown by an insert and copied out again cost three).
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
        if (!UsageSeries.IsOnePerDay(stored)) return null;
        var days = incoming.ToArray();
        Array.Sort(days, (a, b) => a.Date.CompareTo(b.Date));
        return UsageSeries.Merge(stored, days, out inserted, out updated, out unchanged);
    }
}
