using System.Globalization;
using System.Text.RegularExpressions;
using CsBot.Core.Metrics;
using CsBot.Core.Querying;

namespace CsBot.Application.Tests.Understanding;

/// <summary>
/// Periods in the corpus notation: "2026-Q4", "2026-10", "2026", "this-week", "last-quarter", "next-30-days", "ytd",
/// "2026-03-01..2026-05-31". Compared by <see cref="Canonical"/>: a calendar unit still in progress counts as the whole
/// unit, so "this quarter" means Q4 2026 whether the engine stops at today (looking back) or runs to the quarter's end
/// (renewals looking ahead).
/// </summary>
public static partial class PeriodNotation
{
    public static DateRange Resolve(string token, DateOnly today)
    {
        var t = token.Trim().ToLowerInvariant();
        var week = PeriodParser.WeekStart(today);
        var quarter = new DateOnly(today.Year, (today.Month - 1) / 3 * 3 + 1, 1);
        var month = new DateOnly(today.Year, today.Month, 1);
        var year = new DateOnly(today.Year, 1, 1);
        switch (t)
        {
            case "today": return new(today, today);
            case "yesterday": return new(today.AddDays(-1), today.AddDays(-1));
            case "this-week": return new(week, week.AddDays(6));
            case "last-week": return new(week.AddDays(-7), week.AddDays(-1));
            case "next-week": return new(week.AddDays(7), week.AddDays(13));
            case "this-month": return new(month, month.AddMonths(1).AddDays(-1));
            case "last-month": return new(month.AddMonths(-1), month.AddDays(-1));
            case "next-month": return new(month.AddMonths(1), month.AddMonths(2).AddDays(-1));
            case "this-quarter": return new(quarter, quarter.AddMonths(3).AddDays(-1));
            case "last-quarter": return new(quarter.AddMonths(-3), quarter.AddDays(-1));
            case "next-quarter": return new(quarter.AddMonths(3), quarter.AddMonths(6).AddDays(-1));
            case "this-year" or "ytd": return new(year, year.AddYears(1).AddDays(-1));
            case "last-year": return new(year.AddYears(-1), year.AddDays(-1));
            case "next-year": return new(year.AddYears(1), year.AddYears(2).AddDays(-1));
        }
        var m = Relative().Match(t);
        if (m.Success)
        {
            var n = int.Parse(m.Groups["n"].Value, CultureInfo.InvariantCulture);
            var ahead = m.Groups["dir"].Value == "next";
            return m.Groups["unit"].Value switch
            {
                "days" => ahead ? new(today, today.AddDays(n - 1)) : new(today.AddDays(1 - n), today),
                "weeks" => ahead ? new(today, today.AddDays(7 * n - 1)) : new(today.AddDays(1 - 7 * n), today),
                _ => ahead ? new(today, today.AddMonths(n).AddDays(-1)) : new(today.AddMonths(-n).AddDays(1), today),
            };
        }
        m = Quarter().Match(t);
        if (m.Success)
        {
            var start = new DateOnly(int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture), 3 * int.Parse(m.Groups["q"].Value, CultureInfo.InvariantCulture) - 2, 1);
            return new(start, start.AddMonths(3).AddDays(-1));
        }
        m = Month().Match(t);
        if (m.Success)
        {
            var start = new DateOnly(int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture), int.Parse(m.Groups["m"].Value, CultureInfo.InvariantCulture), 1);
            return new(start, start.AddMonths(1).AddDays(-1));
        }
        if (Year().IsMatch(t))
        {
            var start = new DateOnly(int.Parse(t, CultureInfo.InvariantCulture), 1, 1);
            return new(start, start.AddYears(1).AddDays(-1));
        }
        var dots = t.Split("..");
        if (dots.Length == 2)
            return new(DateOnly.ParseExact(dots[0], "yyyy-MM-dd", CultureInfo.InvariantCulture), DateOnly.ParseExact(dots[1], "yyyy-MM-dd", CultureInfo.InvariantCulture));
        throw new FormatException($"unknown period \"{token}\"");
    }

    /// <summary>The period as days; a year, quarter, month or week that started and is still running becomes the whole unit.</summary>
    public static string Canonical(DateRange range, DateOnly today)
    {
        var (from, to) = (range.From, range.To);
        if (from < to && to == today)
        {
            var year = new DateOnly(from.Year, 12, 31);
            var quarterEnd = from.AddMonths(3).AddDays(-1);
            var monthEnd = from.AddMonths(1).AddDays(-1);
            if (from.Month == 1 && from.Day == 1 && today <= year) to = year;
            else if (from.Day == 1 && (from.Month - 1) % 3 == 0 && today <= quarterEnd) to = quarterEnd;
            else if (from.Day == 1 && today <= monthEnd) to = monthEnd;
            else if (from.DayOfWeek == DayOfWeek.Monday && today <= from.AddDays(6)) to = from.AddDays(6);
        }
        return $"{from:yyyy-MM-dd}..{to:yyyy-MM-dd}";
    }

    [GeneratedRegex(@"^(?<dir>last|next)-(?<n>\d+)-(?<unit>days|weeks|months)$")]
    private static partial Regex Relative();

    [GeneratedRegex(@"^(?<y>\d{4})-q(?<q>[1-4])$")]
    private static partial Regex Quarter();

    [GeneratedRegex(@"^(?<y>\d{4})-(?<m>\d{2})$")]
    private static partial Regex Month();

    [GeneratedRegex(@"^\d{4}$")]
    private static partial Regex Year();
}
