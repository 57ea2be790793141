using CsBot.Core.Metrics;

namespace CsBot.Core.Tests.Metrics;

public class MetricPeriodTests
{
    private static readonly DateOnly Today = new(2026, 11, 26);

    private static DateRange Range(string from, string to) => new(DateOnly.Parse(from), DateOnly.Parse(to));

    [Theory]
    [InlineData("2027-01-01", "2027-03-31")]
    [InlineData("2026-12-01", "2026-12-31")]
    [InlineData("2026-11-27", "2026-11-27")]
    public void A_period_starting_after_today_has_not_started(string from, string to)
    {
        Assert.Equal(PeriodStage.NotStarted, MetricPeriod.Of(Range(from, to), Today).Stage);
    }

    [Fact]
    public void A_quarter_in_progress_counts_to_today_and_compares_with_the_same_dates_of_the_quarter_before()
    {
        var p = MetricPeriod.Of(Range("2026-10-01", "2026-12-31"), Today);

        Assert.Equal(PeriodStage.InProgress, p.Stage);
        Assert.Equal(Range("2026-10-01", "2026-11-26"), p.Counted);
        Assert.Equal(Range("2026-07-01", "2026-08-26"), p.Compared);
        Assert.Equal(Range("2026-10-01", "2026-12-31"), p.Whole);
        Assert.Equal("so far (to 2026-11-26)", p.SoFar);
    }

    [Fact]
    public void Year_to_date_compares_with_the_same_dates_last_year_not_the_same_number_of_days()
    {
        var p = MetricPeriod.Of(Range("2026-01-01", "2026-11-26"), Today);

        Assert.Equal(PeriodStage.InProgress, p.Stage);
        Assert.Equal(Range("2025-01-01", "2025-11-26"), p.Compared);
        Assert.Equal(Range("2026-01-01", "2026-12-31"), p.Whole);
    }

    [Fact]
    public void Month_to_date_compares_with_the_same_dates_of_last_month()
    {
        Assert.Equal(Range("2026-10-01", "2026-10-26"), MetricPeriod.Of(Range("2026-11-01", "2026-11-26"), Today).Compared);
    }

    [Fact]
    public void This_week_compares_with_the_same_weekdays_of_last_week()
    {
        // 2026-11-23 is a Monday.
        var p = MetricPeriod.Of(Range("2026-11-23", "2026-11-26"), Today);

        Assert.Equal(PeriodStage.InProgress, p.Stage);
        Assert.Equal(Range("2026-11-16", "2026-11-19"), p.Compared);
    }

    [Fact]
    public void A_trailing_window_is_complete_and_compared_with_the_window_before()
    {
        var p = MetricPeriod.Of(Range("2026-10-28", "2026-11-26"), Today);

        Assert.Equal(PeriodStage.Ended, p.Stage);
        Assert.Equal("", p.SoFar);
        Assert.Equal(Range("2026-09-28", "2026-10-27"), p.Compared);
    }

    [Fact]
    public void A_finished_quarter_compares_with_the_whole_quarter_before()
    {
        var p = MetricPeriod.Of(Range("2026-07-01", "2026-09-30"), Today);

        Assert.Equal(PeriodStage.Ended, p.Stage);
        Assert.Equal(Range("2026-04-01", "2026-06-30"), p.Compared);
    }

    [Theory]
    [InlineData("2027-01-01", "2027-03-31", "2026-10-01", "2026-12-31")]
    [InlineData("2027-01-01", "2027-01-31", "2026-11-01", "2026-11-30")]
    [InlineData("2027-01-01", "2027-12-31", "2026-01-01", "2026-12-31")]
    public void A_period_not_started_offers_the_current_one_of_the_same_kind(string from, string to, string nowFrom, string nowTo)
    {
        Assert.Equal(Range(nowFrom, nowTo), MetricPeriod.Of(Range(from, to), Today).CurrentInstead());
    }
}
