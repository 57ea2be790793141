using CsBot.Core.Formatting;

namespace CsBot.Core.Metrics;

/// <summary>Where a period stands on the day it is asked about.</summary>
public enum PeriodStage
{
    /// <summary>Over, or a window that ends today by definition ("last 30 days"): its numbers are final.</summary>
    Ended,
    /// <summary>A calendar month, quarter, year or week that has started and not ended: its numbers so far.</summary>
    InProgress,
    /// <summary>Starts after today: there is nothing to count yet.</summary>
    NotStarted,
}

/// <summary>
/// The days a metric question covers, decided once for every caller (chat answers, the understanding measure):
/// what was asked, what can be counted as of today, and what it is compared with.
/// <para>
/// A calendar period in progress is counted to today and compared like with like: with the same dates one period
/// earlier (Q4 so far, 1 Oct..26 Nov, against 1 Jul..26 Aug; year to date against 1 Jan..26 Nov last year), not with
/// the whole previous period and not with the same number of days just before, which would set a partial period
/// against a full one or against a different part of the calendar. A period that has not started gets no number.
/// </para>
/// </summary>
public sealed record MetricPeriod(DateRange Asked, PeriodStage Stage, DateRange Counted, DateRange Compared, DateOnly Today)
{
    public static MetricPeriod Of(DateRange asked, DateOnly today)
    {
        if (asked.From > today) return new(asked, PeriodStage.NotStarted, asked, asked.Previous(), today);
        if (asked.To >= today && Unit(asked, today) is { } unit)
        {
            var counted = new DateRange(asked.From, today);
            var compared = unit.Months > 0
                ? new DateRange(asked.From.AddMonths(-unit.Months), today.AddMonths(-unit.Months))
                : new DateRange(asked.From.AddDays(-7), today.AddDays(-7));
            return new(asked, PeriodStage.InProgress, counted, compared, today);
        }
        return new(asked, PeriodStage.Ended, asked, asked.Previous(), today);
    }

    /// <summary>
    /// The whole calendar period the question is about: the asked one when it is whole months ("Q4 2026" asked in
    /// November), else the largest month, quarter or year that starts where the asked days start and holds today
    /// ("year to date" is 2026, "quarter to date" Q4), else the week a Monday-to-today range lies in. Null for a
    /// window that is not a calendar period ("last 30 days", "since 3 Nov").
    /// </summary>
    private static (DateRange Whole, int Months)? Unit(DateRange asked, DateOnly today)
    {
        if (asked.From.Day == 1)
        {
            if (asked.To.AddDays(1).Day == 1)
                return (asked, (asked.To.Year - asked.From.Year) * 12 + asked.To.Month - asked.From.Month + 1);
            foreach (var months in (int[])[12, 3, 1])
            {
                if ((asked.From.Month - 1) % months != 0) continue;
                var whole = new DateRange(asked.From, asked.From.AddMonths(months).AddDays(-1));
                if (whole.Contains(today) && whole.Contains(asked.To)) return (whole, months);
            }
        }
        if (asked.From.DayOfWeek == DayOfWeek.Monday && asked.Days <= 7)
            return (new DateRange(asked.From, asked.From.AddDays(6)), 0);
        return null;
    }

    /// <summary>The whole calendar period behind an in-progress question ("2026" for year to date); the asked days otherwise.</summary>
    public DateRange Whole => Stage == PeriodStage.InProgress && Unit(Asked, Today) is { } unit ? unit.Whole : Asked;

    /// <summary>"so far (to 2026-11-26)" for a period in progress, empty otherwise.</summary>
    public string SoFar => Stage == PeriodStage.InProgress ? $"so far (to {Format.Date(Today)})" : "";

    /// <summary>
    /// The calendar period of the same kind that holds today, for a question about one that has not started:
    /// Q4 2026 for Q1 2027, November 2026 for January 2027, 2026 for 2027; null when the asked days are no calendar
    /// month, quarter or year.
    /// </summary>
    public DateRange? CurrentInstead()
    {
        if (Stage != PeriodStage.NotStarted || Asked.From.Day != 1 || Asked.To.AddDays(1).Day != 1) return null;
        var months = (Asked.To.Year - Asked.From.Year) * 12 + Asked.To.Month - Asked.From.Month + 1;
        if (months is not (1 or 3 or 12) || (Asked.From.Month - 1) % months != 0) return null;
        var start = new DateOnly(Today.Year, (Today.Month - 1) / months * months + 1, 1);
        return new DateRange(start, start.AddMonths(months).AddDays(-1));
    }
}
