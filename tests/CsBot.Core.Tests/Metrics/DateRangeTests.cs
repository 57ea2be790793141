using CsBot.Core.Metrics;
using static CsBot.Core.Tests.Metrics.MetricsTestAccount;

namespace CsBot.Core.Tests.Metrics;

public sealed class DateRangeTests
{
    [Fact]
    public void Previous_of_a_quarter_is_the_quarter_before()
    {
        Assert.Equal(new DateRange(D(2026, 4, 1), D(2026, 6, 30)), Q3.Previous());
        Assert.Equal(new DateRange(D(2025, 10, 1), D(2025, 12, 31)), new DateRange(D(2026, 1, 1), D(2026, 3, 31)).Previous());
    }

    [Fact]
    public void Previous_of_a_90_day_range_is_the_90_days_before()
    {
        // 2026-03-15..2026-06-12 is 17 + 30 + 31 + 12 = 90 days; the 90 days before end on 03-14 and start on 2025-12-15.
        var range = new DateRange(D(2026, 3, 15), D(2026, 6, 12));

        var previous = range.Previous();

        Assert.Equal(90, range.Days);
        Assert.Equal(new DateRange(D(2025, 12, 15), D(2026, 3, 14)), previous);
        Assert.Equal(90, previous.Days);
    }

    [Fact]
    public void Range_is_inclusive_at_both_ends()
    {
        Assert.True(Q3.Contains(Q3.From));
        Assert.True(Q3.Contains(Q3.To));
        Assert.False(Q3.Contains(D(2026, 6, 30)));
        Assert.False(Q3.Contains(D(2026, 10, 1)));
        Assert.Equal(92, Q3.Days);
    }
}
