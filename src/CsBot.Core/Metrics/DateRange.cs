namespace CsBot.Core.Metrics;

/// <summary>An inclusive range of days, e.g. 2026-07-01..2026-09-30 for Q3 2026.</summary>
public readonly record struct DateRange(DateOnly From, DateOnly To)
{
    public int Days => To.DayNumber - From.DayNumber + 1;
    public bool Contains(DateOnly day) => day >= From && day <= To;

    /// <summary>The range of the same length that ends the day before this one starts.</summary>
    public DateRange Previous()
    {
        // Whole calendar months compare with the same number of whole months before, so "last quarter" vs "the quarter before".
        if (From.Day == 1 && To.AddDays(1).Day == 1)
        {
            var months = (To.Year - From.Year) * 12 + To.Month - From.Month + 1;
            var start = From.AddMonths(-months);
            return new DateRange(start, From.AddDays(-1));
        }
        return new DateRange(From.AddDays(-Days), From.AddDays(-1));
    }

    public override string ToString() => $"{From:yyyy-MM-dd}..{To:yyyy-MM-dd}";
}
