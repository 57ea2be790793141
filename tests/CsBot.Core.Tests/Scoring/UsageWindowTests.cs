using CsBot.Core.Signals;

namespace CsBot.Core.Tests.Scoring;

public class UsageWindowTests
{
    private static readonly DateOnly Day = new(2026, 11, 26);

    private static UsageDay Row(int daysAgo, int active, int seats = 10, int logins = 0) =>
        new(Day.AddDays(-daysAgo), active, active, seats, logins, 0);

    [Fact]
    public void Summarize_counts_only_rows_inside_the_range_and_averages_per_row_present()
    {
        UsageDay[] usage = [Row(10, 100), Row(6, 4), Row(3, 6, seats: 12), Row(0, 8, seats: 20), Row(-1, 100)];

        var last7 = UsageWindow.Last(usage, Day, 7);

        Assert.Equal(3, last7.Days);
        Assert.Equal(6, last7.AverageActiveUsers, 6);
        Assert.Equal(20, last7.LatestSeats);
        Assert.Equal(30, last7.SeatUtilizationPercent!.Value, 6);
    }

    [Fact]
    public void CountOnOrBefore_finds_the_asOf_position_with_gaps_in_the_dates()
    {
        UsageDay[] usage = [Row(10, 1), Row(6, 1), Row(3, 1), Row(0, 1)];

        Assert.Equal(0, UsageWindow.CountOnOrBefore(usage, Day.AddDays(-11)));
        Assert.Equal(2, UsageWindow.CountOnOrBefore(usage, Day.AddDays(-5)));
        Assert.Equal(3, UsageWindow.CountOnOrBefore(usage, Day.AddDays(-3)));
        Assert.Equal(4, UsageWindow.CountOnOrBefore(usage, Day.AddDays(3)));
    }

    [Fact]
    public void Trend_is_null_when_the_baseline_has_no_users()
    {
        UsageDay[] usage = [Row(20, 0), Row(2, 5)];

        Assert.Null(UsageWindow.Trend(usage, Day));
    }

    [Fact]
    public void LastLogin_ignores_days_without_logins_and_days_after_asOf()
    {
        UsageDay[] usage = [Row(9, 3, logins: 2), Row(4, 3), Row(-2, 3, logins: 5)];

        Assert.Equal(Day.AddDays(-9), UsageWindow.LastLogin(usage, Day));
    }
}
