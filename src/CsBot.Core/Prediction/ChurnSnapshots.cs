using CsBot.Core.Signals;

namespace CsBot.Core.Prediction;

/// <summary>Labelled snapshots of a portfolio at month ends: the rows a churn model is trained and tested on.</summary>
public static class ChurnSnapshots
{
    /// <summary>The last day of each of the <paramref name="months"/> months whose label window is over by <paramref name="today"/>, oldest first.</summary>
    public static IReadOnlyList<DateOnly> MonthEnds(DateOnly today, int months, ChurnLabel label)
    {
        var latest = today.AddDays(-label.HorizonDays);
        var monthEnd = new DateOnly(latest.Year, latest.Month, 1).AddDays(-1);
        var days = new List<DateOnly>(months);
        for (var k = 0; k < months; k++)
        {
            days.Add(monthEnd);
            monthEnd = new DateOnly(monthEnd.Year, monthEnd.Month, 1).AddDays(-1);
        }
        days.Reverse();
        return days;
    }

    /// <summary>Every scorable (account, day) pair with a finished label window. Parallel over accounts; ordered by day, then account.</summary>
    public static IReadOnlyList<ChurnSnapshot> Build(IReadOnlyList<AccountSignals> portfolio, IReadOnlyList<DateOnly> days, DateOnly today, ChurnLabel label)
    {
        var perAccount = new List<ChurnSnapshot>[portfolio.Count];
        Parallel.For(0, portfolio.Count, i =>
        {
            var signals = portfolio[i];
            var rows = new List<ChurnSnapshot>(days.Count);
            foreach (var day in days)
            {
                if (!ChurnFeatures.IsScorable(signals.Account, day)) continue;
                if (label.Of(signals, day, today) is not { } outcome) continue;
                rows.Add(new ChurnSnapshot(signals.Account.Id, day, ChurnFeatures.Compute(signals, day), outcome));
            }
            perAccount[i] = rows;
        });
        return [.. perAccount.SelectMany(r => r).OrderBy(r => r.Day).ThenBy(r => r.AccountId, StringComparer.Ordinal)];
    }
}
