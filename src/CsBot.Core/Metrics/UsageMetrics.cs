using CsBot.Core.Formatting;
using CsBot.Core.Signals;

namespace CsBot.Core.Metrics;

/// <summary>Product-usage metrics: adoption rate and stickiness (DAU/MAU).</summary>
internal static class UsageMetrics
{
    /// <summary>Days at the end of the period over which adoption is judged.</summary>
    public const int AdoptionWindowDays = 30;

    /// <summary>
    /// Adoption rate = accounts active at the end of the period that are fully adopted over its last 30 days
    /// / active accounts with usage data in those days. Fully adopted: seat utilisation (sum of DAU / sum of licensed seats
    /// over the days with data) and key feature uses per active user per week (key feature uses / distinct active users /
    /// weeks of data; distinct users = the MAU of the last day with data, at least the highest DAU) both meet the
    /// <see cref="MetricsOptions"/> thresholds.
    /// </summary>
    public static MetricResult AdoptionRate(MetricContext ctx, IEnumerable<AccountSignals> accounts)
    {
        var window = AdoptionWindow(ctx.Period);
        var minSeats = (decimal)ctx.Options.AdoptedMinSeatUtilizationPercent;
        var minUses = (decimal)ctx.Options.AdoptedMinKeyFeatureUsesPerUserWeek;

        int active = 0, withUsage = 0, adopted = 0;
        foreach (var account in accounts)
        {
            if (!account.Account.IsActiveOn(ctx.Period.To))
                continue;
            active++;
            if (Adoption(account.Usage, window) is not { } usage)
                continue;
            withUsage++;
            if (usage.SeatUtilizationPercent >= minSeats && usage.KeyFeatureUsesPerUserWeek >= minUses)
                adopted++;
        }

        var inputs = new List<MetricInput>
        {
            Fmt.Count("fully adopted accounts", adopted),
            Fmt.Count("active accounts with usage", withUsage),
            Fmt.Count("active accounts without usage", active - withUsage),
            Fmt.PercentInput("min seat utilisation", minSeats),
            new("min key feature uses per user per week", minUses, MetricUnit.Ratio),
        };
        var definition = $"fully adopted over {window}: seat utilisation >= {Format.Number(minSeats)}% and key feature uses >= {Format.Number(minUses)} per active user per week";
        if (withUsage == 0)
            return ctx.Unavailable(
                active == 0 ? "No active accounts at the end of the period." : $"No usage data for active accounts in {window}.",
                $"{ctx.Name} = fully adopted accounts / active accounts with usage ({definition})", inputs);

        var exact = Fmt.ExactPercent(adopted, withUsage);
        var value = Fmt.RoundPercent(exact);
        return ctx.Result(exact, value,
            $"{ctx.Name} {Format.Percent(value)} = fully adopted {Format.Number(adopted)} / active accounts with usage {Format.Number(withUsage)} ({definition})",
            inputs,
            active > withUsage ? $"{Format.Number(active - withUsage)} active account(s) without usage data in {window} are left out." : null);
    }

    /// <summary>Stickiness = sum over accounts of average DAU / sum over accounts of average MAU, over usage days in the period.</summary>
    public static MetricResult Stickiness(MetricContext ctx, IEnumerable<AccountSignals> accounts)
    {
        decimal dau = 0, mau = 0;
        var withUsage = 0;
        foreach (var account in accounts)
        {
            long dauSum = 0, mauSum = 0;
            var days = 0;
            foreach (var day in account.Usage)
            {
                if (!ctx.Period.Contains(day.Date))
                    continue;
                dauSum += day.ActiveUsers;
                mauSum += day.MonthlyActiveUsers;
                days++;
            }
            if (days == 0)
                continue;
            withUsage++;
            dau += (decimal)dauSum / days;
            mau += (decimal)mauSum / days;
        }

        MetricInput[] inputs =
        [
            new("average DAU", Fmt.Round2(dau), MetricUnit.Count),
            new("average MAU", Fmt.Round2(mau), MetricUnit.Count),
            Fmt.Count("accounts with usage", withUsage),
        ];
        if (withUsage == 0)
            return ctx.Unavailable("No usage data in the period.", $"{ctx.Name} = average DAU / average MAU", inputs);
        if (mau <= 0)
            return ctx.Unavailable("No monthly active users in the period.", $"{ctx.Name} = average DAU / average MAU", inputs);

        var exact = Fmt.ExactPercent(dau, mau);
        var value = Fmt.RoundPercent(exact);
        return ctx.Result(exact, value,
            $"{ctx.Name} {Format.Percent(value)} = average DAU {Format.Number(dau)} / average MAU {Format.Number(mau)} (summed over {Format.Number(withUsage)} accounts)",
            inputs);
    }

    public static DateRange AdoptionWindow(DateRange period)
    {
        var from = period.To.AddDays(-(AdoptionWindowDays - 1));
        return new DateRange(from > period.From ? from : period.From, period.To);
    }

    private readonly record struct AccountAdoption(decimal SeatUtilizationPercent, decimal KeyFeatureUsesPerUserWeek);

    private static AccountAdoption? Adoption(UsageDay[] usage, DateRange window)
    {
        long dau = 0, seats = 0, uses = 0;
        int days = 0, maxDau = 0, lastMau = 0;
        foreach (var day in usage)
        {
            if (!window.Contains(day.Date))
                continue;
            days++;
            dau += day.ActiveUsers;
            seats += day.LicensedSeats;
            uses += day.KeyFeatureUses;
            maxDau = Math.Max(maxDau, day.ActiveUsers);
            lastMau = day.MonthlyActiveUsers; // usage is sorted by date, so the last seen is the latest
        }
        if (days == 0)
            return null;

        var seatUtilization = seats > 0 ? (decimal)dau / seats * 100m : 0m;
        var users = Math.Max(lastMau, maxDau);
        var usesPerUserWeek = users > 0 ? uses / (decimal)users / (days / 7m) : 0m;
        return new AccountAdoption(seatUtilization, usesPerUserWeek);
    }
}
