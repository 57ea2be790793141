using CsBot.Core.Metrics;
using CsBot.Core.Querying;

namespace CsBot.Core.Tests.Querying;

public class PeriodParserTests
{
    private static DateOnly D(int y, int m, int d) => new(y, m, d);
    private static readonly DateOnly Thursday = D(2026, 11, 26);

    private static DateRange Parse(string text, DateOnly today, PeriodDirection direction = PeriodDirection.Past)
    {
        Assert.True(PeriodParser.TryParse(text, today, direction, out var match), $"no period found in \"{text}\"");
        return match.Range;
    }

    private static void Is(DateRange range, DateOnly from, DateOnly to) => Assert.Equal(new DateRange(from, to), range);

    [Theory]
    [InlineData("last quarter", 2026, 7, 1, 2026, 9, 30)]
    [InlineData("previous quarter", 2026, 7, 1, 2026, 9, 30)]
    [InlineData("this quarter", 2026, 10, 1, 2026, 11, 26)]
    [InlineData("next quarter", 2027, 1, 1, 2027, 3, 31)]
    [InlineData("Q3", 2026, 7, 1, 2026, 9, 30)]
    [InlineData("Q4", 2026, 10, 1, 2026, 12, 31)]
    [InlineData("Q3 2025", 2025, 7, 1, 2025, 9, 30)]
    [InlineData("q1 last year", 2025, 1, 1, 2025, 3, 31)]
    [InlineData("2025 Q2", 2025, 4, 1, 2025, 6, 30)]
    [InlineData("last month", 2026, 10, 1, 2026, 10, 31)]
    [InlineData("this month", 2026, 11, 1, 2026, 11, 26)]
    [InlineData("in October", 2026, 10, 1, 2026, 10, 31)]
    [InlineData("October 2025", 2025, 10, 1, 2025, 10, 31)]
    [InlineData("in December", 2025, 12, 1, 2025, 12, 31)]
    [InlineData("this year", 2026, 1, 1, 2026, 11, 26)]
    [InlineData("last year", 2025, 1, 1, 2025, 12, 31)]
    [InlineData("in 2026", 2026, 1, 1, 2026, 12, 31)]
    [InlineData("2025", 2025, 1, 1, 2025, 12, 31)]
    [InlineData("YTD", 2026, 1, 1, 2026, 11, 26)]
    [InlineData("year to date", 2026, 1, 1, 2026, 11, 26)]
    [InlineData("last 90 days", 2026, 8, 29, 2026, 11, 26)]
    [InlineData("past 30 days", 2026, 10, 28, 2026, 11, 26)]
    [InlineData("last 2 weeks", 2026, 11, 13, 2026, 11, 26)]
    [InlineData("this week", 2026, 11, 23, 2026, 11, 26)]
    [InlineData("last week", 2026, 11, 16, 2026, 11, 22)]
    [InlineData("since 2026-01-01", 2026, 1, 1, 2026, 11, 26)]
    [InlineData("between 2026-01-01 and 2026-03-31", 2026, 1, 1, 2026, 3, 31)]
    [InlineData("between 2026-03-31 and 2026-01-01", 2026, 1, 1, 2026, 3, 31)]
    [InlineData("from March to May", 2026, 3, 1, 2026, 5, 31)]
    [InlineData("from November to January", 2025, 11, 1, 2026, 1, 31)]
    [InlineData("yesterday", 2026, 11, 25, 2026, 11, 25)]
    [InlineData("today", 2026, 11, 26, 2026, 11, 26)]
    [InlineData("on 2026-02-14", 2026, 2, 14, 2026, 2, 14)]
    [InlineData("since last quarter", 2026, 7, 1, 2026, 11, 26)]
    [InlineData("last 12 months", 2025, 11, 27, 2026, 11, 26)]
    [InlineData("trailing 3 months", 2026, 8, 27, 2026, 11, 26)]
    [InlineData("last quater", 2026, 7, 1, 2026, 9, 30)]
    [InlineData("octobr", 2026, 10, 1, 2026, 10, 31)]
    [InlineData("Septmber 2025", 2025, 9, 1, 2025, 9, 30)]
    [InlineData("last three monhts", 2026, 8, 27, 2026, 11, 26)]
    [InlineData("LAST QUARTER", 2026, 7, 1, 2026, 9, 30)]
    public void Reads_past_periods_relative_to_today(string text, int fy, int fm, int fd, int ty, int tm, int td) =>
        Is(Parse(text, Thursday), D(fy, fm, fd), D(ty, tm, td));

    [Theory]
    [InlineData("next 60 days", 2026, 11, 26, 2027, 1, 24)]
    [InlineData("in the next 2 months", 2026, 11, 26, 2027, 1, 25)]
    [InlineData("next quarter", 2027, 1, 1, 2027, 3, 31)]
    [InlineData("this quarter", 2026, 10, 1, 2026, 12, 31)]
    [InlineData("this month", 2026, 11, 1, 2026, 11, 30)]
    [InlineData("this week", 2026, 11, 23, 2026, 11, 29)]
    [InlineData("in March", 2027, 3, 1, 2027, 3, 31)]
    [InlineData("in November", 2026, 11, 1, 2026, 11, 30)]
    [InlineData("in October", 2027, 10, 1, 2027, 10, 31)]
    [InlineData("Q1", 2027, 1, 1, 2027, 3, 31)]
    [InlineData("Q4", 2026, 10, 1, 2026, 12, 31)]
    [InlineData("within 30 days", 2026, 11, 26, 2026, 12, 25)]
    [InlineData("from March to May", 2027, 3, 1, 2027, 5, 31)]
    [InlineData("next week", 2026, 11, 30, 2026, 12, 6)]
    public void Looks_ahead_for_renewals(string text, int fy, int fm, int fd, int ty, int tm, int td) =>
        Is(Parse(text, Thursday, PeriodDirection.Future), D(fy, fm, fd), D(ty, tm, td));

    [Fact]
    public void A_month_alone_is_its_latest_start_looking_back_and_its_next_end_looking_ahead()
    {
        Is(Parse("in October", D(2026, 9, 30)), D(2025, 10, 1), D(2025, 10, 31));
        Is(Parse("in October", D(2026, 10, 1)), D(2026, 10, 1), D(2026, 10, 31));
        Is(Parse("in October", D(2026, 11, 26)), D(2026, 10, 1), D(2026, 10, 31));
        Is(Parse("in October", D(2026, 10, 31), PeriodDirection.Future), D(2026, 10, 1), D(2026, 10, 31));
        Is(Parse("in October", D(2026, 11, 1), PeriodDirection.Future), D(2027, 10, 1), D(2027, 10, 31));
        Is(Parse("in March", D(2026, 2, 28), PeriodDirection.Future), D(2026, 3, 1), D(2026, 3, 31));
    }

    [Fact]
    public void Last_and_next_name_the_occurrence_before_or_after_the_current_one()
    {
        Is(Parse("last October", D(2026, 10, 15)), D(2025, 10, 1), D(2025, 10, 31));
        Is(Parse("last October", D(2026, 11, 26)), D(2026, 10, 1), D(2026, 10, 31));
        Is(Parse("next March", D(2026, 3, 10)), D(2027, 3, 1), D(2027, 3, 31));
        Is(Parse("next March", D(2026, 2, 10)), D(2026, 3, 1), D(2026, 3, 31));
    }

    [Fact]
    public void Quarters_and_months_wrap_at_the_year_end()
    {
        Is(Parse("last quarter", D(2026, 1, 15)), D(2025, 10, 1), D(2025, 12, 31));
        Is(Parse("next quarter", D(2026, 12, 31)), D(2027, 1, 1), D(2027, 3, 31));
        Is(Parse("this quarter", D(2026, 3, 31)), D(2026, 1, 1), D(2026, 3, 31));
        Is(Parse("this quarter", D(2026, 4, 1)), D(2026, 4, 1), D(2026, 4, 1));
        Is(Parse("last month", D(2026, 1, 1)), D(2025, 12, 1), D(2025, 12, 31));
        Is(Parse("last year", D(2026, 1, 1)), D(2025, 1, 1), D(2025, 12, 31));
        Is(Parse("Q4", D(2026, 9, 30)), D(2025, 10, 1), D(2025, 12, 31));
    }

    [Fact]
    public void Leap_years_have_a_29th_of_February()
    {
        Is(Parse("February 2024", D(2026, 11, 26)), D(2024, 2, 1), D(2024, 2, 29));
        Is(Parse("February 2025", D(2026, 11, 26)), D(2025, 2, 1), D(2025, 2, 28));
        Is(Parse("last month", D(2024, 3, 31)), D(2024, 2, 1), D(2024, 2, 29));
        Is(Parse("Q1 2024", D(2026, 11, 26)), D(2024, 1, 1), D(2024, 3, 31));
        Is(Parse("last 12 months", D(2024, 2, 29)), D(2023, 3, 1), D(2024, 2, 29));
        Is(Parse("last 7 days", D(2024, 3, 2)), D(2024, 2, 25), D(2024, 3, 2));
        Assert.Equal(366, Parse("2024", D(2026, 1, 1)).Days);
        Assert.True(PeriodParser.TryParse("on 2024-02-29", D(2026, 1, 1), out _));
        Assert.False(PeriodParser.TryParse("on 2025-02-29", D(2026, 1, 1), out _));
    }

    [Theory]
    [InlineData(2026, 11, 23)] // Monday
    [InlineData(2026, 11, 26)] // Thursday
    [InlineData(2026, 11, 29)] // Sunday
    public void Weeks_start_on_Monday(int y, int m, int d)
    {
        var today = D(y, m, d);
        Is(Parse("this week", today, PeriodDirection.Future), D(2026, 11, 23), D(2026, 11, 29));
        Is(Parse("this week", today), D(2026, 11, 23), today);
        Is(Parse("last week", today), D(2026, 11, 16), D(2026, 11, 22));
        Is(Parse("next week", today), D(2026, 11, 30), D(2026, 12, 6));
        Assert.Equal(DayOfWeek.Monday, PeriodParser.WeekStart(today).DayOfWeek);
    }

    [Fact]
    public void Counted_windows_have_exactly_that_many_days()
    {
        Assert.Equal(90, Parse("last 90 days", Thursday).Days);
        Assert.Equal(30, Parse("past 30 days", Thursday).Days);
        Assert.Equal(14, Parse("last 2 weeks", Thursday).Days);
        Assert.Equal(60, Parse("next 60 days", Thursday, PeriodDirection.Future).Days);
    }

    [Fact]
    public void Returns_the_span_so_the_caller_can_strip_it()
    {
        const string question = "what was churn in October for Enterprise";
        Assert.True(PeriodParser.TryParse(question, Thursday, out var match));
        Assert.Equal("in October", match.Text);
        Assert.Equal(question.IndexOf("in October", StringComparison.Ordinal), match.Index);
        Assert.Equal("what was churn for Enterprise", match.RemoveFrom(question));

        Assert.True(PeriodParser.TryParse("NRR for the Enterprise segment over the last 90 days?", Thursday, out var trailing));
        Assert.Equal("over the last 90 days", trailing.Text);

        Assert.True(PeriodParser.TryParse("churn in octobr, please", Thursday, out var typo));
        Assert.Equal("in octobr", typo.Text);
    }

    [Theory]
    [InlineData("health of Acme")]
    [InlineData("may I see the nrr")]
    [InlineData("top movers")]
    [InlineData("which accounts match")]
    [InlineData("since 2027-01-01")]
    [InlineData("between 2026-01-01 and 2026-02-30")]
    [InlineData("on 2026-13-01")]
    [InlineData("last 0 days")]
    [InlineData("")]
    public void Finds_nothing_where_there_is_no_period(string text) =>
        Assert.False(PeriodParser.TryParse(text, Thursday, out _));

    [Fact]
    public void May_is_a_month_only_where_a_month_is_expected()
    {
        Is(Parse("nrr for May", Thursday), D(2026, 5, 1), D(2026, 5, 31));
        Is(Parse("May 2025", Thursday), D(2025, 5, 1), D(2025, 5, 31));
        Is(Parse("from March to May", Thursday), D(2026, 3, 1), D(2026, 5, 31));
    }
}
