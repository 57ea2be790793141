namespace CsBot.Core.Signals;

/// <summary>
/// Totals of an account's usage rows over an inclusive range of days. Averages are per row present, not per
/// calendar day: a day without a row is a day without data, not a day with zero users.
/// </summary>
/// <param name="From">First day of the range.</param>
/// <param name="To">Last day of the range.</param>
/// <param name="Days">Usage rows found in the range.</param>
/// <param name="ActiveUsers">Sum of daily active users over those rows.</param>
/// <param name="Logins">Sum of logins over those rows.</param>
/// <param name="KeyFeatureUses">Sum of key feature uses over those rows.</param>
/// <param name="LatestSeats">Licensed seats on the latest row in the range (0 when there is none).</param>
/// <param name="LatestMonthlyActiveUsers">MAU on the latest row in the range (0 when there is none).</param>
public readonly record struct UsageSummary(
    DateOnly From,
    DateOnly To,
    int Days,
    long ActiveUsers,
    long Logins,
    long KeyFeatureUses,
    int LatestSeats,
    int LatestMonthlyActiveUsers)
{
    public bool HasData => Days > 0;

    /// <summary>Average daily active users over the rows present; 0 when there are none.</summary>
    public double AverageActiveUsers => Days == 0 ? 0 : (double)ActiveUsers / Days;

    /// <summary>Average daily active users / licensed seats on the latest row, in %; null without rows or seats.</summary>
    public double? SeatUtilizationPercent => Days == 0 || LatestSeats <= 0 ? null : AverageActiveUsers * 100.0 / LatestSeats;

    /// <summary>Logins per licensed seat per week (7 rows); null without rows or seats.</summary>
    public double? LoginsPerSeatPerWeek => Days == 0 || LatestSeats <= 0 ? null : Logins * 7.0 / Days / LatestSeats;

    /// <summary>Key feature uses per average active user per week (7 rows); null without rows or active users.</summary>
    public double? KeyFeatureUsesPerUserPerWeek => Days == 0 || ActiveUsers <= 0 ? null : KeyFeatureUses * 7.0 / ActiveUsers;
}

/// <summary>
/// Allocation-free look-ups over an account's usage rows, which are sorted by date ascending with at most one row
/// per day (see <see cref="AccountSignals.Usage"/>). Shared by scoring, rules and metrics so they agree on what
/// "7-day average active users" means.
/// </summary>
public static class UsageWindow
{
    /// <summary>The number of rows dated on or before <paramref name="day"/>, i.e. the index just past them (binary search).</summary>
    public static int CountOnOrBefore(ReadOnlySpan<UsageDay> usage, DateOnly day)
    {
        int lo = 0, hi = usage.Length;
        while (lo < hi)
        {
            var mid = (int)((uint)(lo + hi) >> 1);
            if (usage[mid].Date <= day) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }

    /// <summary>The rows dated on or before <paramref name="asOf"/>: everything a score on that day may look at.</summary>
    public static ReadOnlySpan<UsageDay> UpTo(ReadOnlySpan<UsageDay> usage, DateOnly asOf) => usage[..CountOnOrBefore(usage, asOf)];

    /// <summary>Totals over the inclusive range <paramref name="from"/>..<paramref name="to"/>.</summary>
    public static UsageSummary Summarize(ReadOnlySpan<UsageDay> usage, DateOnly from, DateOnly to)
    {
        var end = CountOnOrBefore(usage, to);
        var start = CountOnOrBefore(usage[..end], from.AddDays(-1));
        long active = 0, logins = 0, keyUses = 0;
        for (var i = start; i < end; i++)
        {
            ref readonly var day = ref usage[i];
            active += day.ActiveUsers;
            logins += day.Logins;
            keyUses += day.KeyFeatureUses;
        }
        var rows = end - start;
        var latestSeats = rows > 0 ? usage[end - 1].LicensedSeats : 0;
        var latestMau = rows > 0 ? usage[end - 1].MonthlyActiveUsers : 0;
        return new UsageSummary(from, to, rows, active, logins, keyUses, latestSeats, latestMau);
    }

    /// <summary>Totals over the <paramref name="days"/> days ending on <paramref name="asOf"/> (inclusive).</summary>
    public static UsageSummary Last(ReadOnlySpan<UsageDay> usage, DateOnly asOf, int days) =>
        Summarize(usage, asOf.AddDays(1 - days), asOf);

    /// <summary>
    /// Totals over the <paramref name="baselineDays"/> days that end the day before the last
    /// <paramref name="recentDays"/> days ending on <paramref name="asOf"/>.
    /// </summary>
    public static UsageSummary Baseline(ReadOnlySpan<UsageDay> usage, DateOnly asOf, int recentDays, int baselineDays)
    {
        var to = asOf.AddDays(-recentDays);
        return Summarize(usage, to.AddDays(1 - baselineDays), to);
    }

    /// <summary>
    /// Active users over the last <paramref name="recentDays"/> vs the <paramref name="baselineDays"/> before,
    /// as a % change; null when either window has no rows or the baseline has no active users.
    /// </summary>
    public static UsageTrend? Trend(ReadOnlySpan<UsageDay> usage, DateOnly asOf, int recentDays = 7, int baselineDays = 28)
    {
        var recent = Last(usage, asOf, recentDays);
        var baseline = Baseline(usage, asOf, recentDays, baselineDays);
        if (!recent.HasData || !baseline.HasData || baseline.ActiveUsers == 0) return null;
        var before = baseline.AverageActiveUsers;
        var now = recent.AverageActiveUsers;
        return new UsageTrend(before, now, (now - before) * 100.0 / before, recentDays, baselineDays);
    }

    /// <summary>The latest day on or before <paramref name="asOf"/> with at least one login; null when there is none.</summary>
    public static DateOnly? LastLogin(ReadOnlySpan<UsageDay> usage, DateOnly asOf)
    {
        for (var i = CountOnOrBefore(usage, asOf) - 1; i >= 0; i--)
        {
            if (usage[i].Logins > 0) return usage[i].Date;
        }
        return null;
    }
}

/// <summary>Average daily active users in a recent window vs a baseline window before it.</summary>
public readonly record struct UsageTrend(double BaselineAverage, double RecentAverage, double ChangePercent, int RecentDays, int BaselineDays);
