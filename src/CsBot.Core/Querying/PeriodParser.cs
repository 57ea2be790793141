using System.Globalization;
using System.Text.RegularExpressions;
using CsBot.Core.Metrics;

namespace CsBot.Core.Querying;

/// <summary>
/// Finds the time expression in a question and turns it into days: "last quarter", "Q3 2025", "q1 last year",
/// "in October", "October 2025", "this year", "YTD", "last 90 days", "past 30 days", "this week", "since 2026-01-01",
/// "between 2026-01-01 and 2026-03-31", "from March to May", "yesterday", "next 60 days", "next quarter"...
/// Pure: "today" is an input, already in the asker's time zone. Weeks start on Monday; quarters are calendar quarters.
/// <para>
/// Conventions: "last/past N days|weeks|months" is the N units ending today (today included); "next N ..." is the
/// N units starting today. "last month/quarter/year/week" is the whole previous one. "this month/quarter/year/week"
/// runs to today looking back and is the whole one looking ahead. A month or quarter named without a year is, looking
/// back, the latest one that has started; looking ahead, the earliest one that has not ended.
/// </para>
/// </summary>
public static partial class PeriodParser
{
    private delegate DateRange? Resolver(Match m, DateOnly today, PeriodDirection direction);

    private static readonly (Regex Pattern, Resolver Resolve)[] Rules =
    [
        (DateRangePattern(), ResolveDateRange),
        (SincePattern(), ResolveSince),
        (MonthRangePattern(), ResolveMonthRange),
        (QuarterPattern(), ResolveQuarter),
        (MonthPattern(), ResolveMonth),
        (ToDatePattern(), ResolveToDate),
        (RelativeCountPattern(), ResolveRelativeCount),
        (WithinCountPattern(), ResolveWithinCount),
        (RelativeUnitPattern(), ResolveRelativeUnit),
        (SingleDatePattern(), ResolveSingleDate),
        (DayWordPattern(), ResolveDayWord),
        (YearPattern(), ResolveYear),
    ];

    /// <summary>Finds a time expression, reading open-ended ones as looking back (metrics).</summary>
    public static bool TryParse(string text, DateOnly today, out PeriodMatch match) =>
        TryParse(text, today, PeriodDirection.Past, out match);

    /// <summary>Finds a time expression; <paramref name="direction"/> decides open-ended ones ("in March", "this quarter").</summary>
    public static bool TryParse(string text, DateOnly today, PeriodDirection direction, out PeriodMatch match)
    {
        match = default;
        if (string.IsNullOrWhiteSpace(text)) return false;
        var words = PeriodWords.From(text);
        if (!words.HasCue) return false;

        // A span an earlier rule recognised but rejected (an impossible date, a start in the future) is not re-read
        // by a looser rule: "since 2027-01-01" must not become the single day 2027-01-01.
        List<(int Start, int End)>? rejected = null;
        foreach (var (pattern, resolve) in Rules)
        {
            for (var m = pattern.Match(words.Text); m.Success; m = m.NextMatch())
            {
                if (rejected is not null && rejected.Exists(r => m.Index < r.End && r.Start < m.Index + m.Length)) continue;
                if (resolve(m, today, direction) is not { } range)
                {
                    (rejected ??= []).Add((m.Index, m.Index + m.Length));
                    continue;
                }
                var (index, length) = words.ToOriginal(m.Index, m.Length);
                match = new PeriodMatch(range, index, length, text.Substring(index, length));
                return true;
            }
        }
        return false;
    }

    // ---- calendar helpers ----

    public static DateOnly WeekStart(DateOnly day) => day.AddDays(-(((int)day.DayOfWeek + 6) % 7));
    private static DateRange Month(int year, int month) => new(new DateOnly(year, month, 1), new DateOnly(year, month, DateTime.DaysInMonth(year, month)));
    private static DateRange Quarter(int year, int quarter) => new(new DateOnly(year, quarter * 3 - 2, 1), new DateOnly(year, quarter * 3, 1).AddMonths(1).AddDays(-1));
    private static DateRange Year(int year) => new(new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
    private static int QuarterOf(DateOnly day) => (day.Month - 1) / 3 + 1;
    private static bool ValidYear(int year) => year is >= 1900 and <= 2199;

    /// <summary>Which year a month or quarter named without one falls in, given "last"/"this"/"next" or the direction.</summary>
    private static DateRange Occurrence(Func<int, DateRange> inYear, string? modifier, DateOnly today, PeriodDirection direction)
    {
        var current = inYear(today.Year);
        return modifier switch
        {
            "this" => current,
            "last" => current.To < today ? current : inYear(today.Year - 1),
            "next" => current.From > today ? current : inYear(today.Year + 1),
            _ when direction == PeriodDirection.Future => current.To >= today ? current : inYear(today.Year + 1),
            _ => current.From <= today ? current : inYear(today.Year - 1),
        };
    }

    private static int? YearOf(Group g, DateOnly today)
    {
        if (!g.Success) return null;
        var v = g.Value;
        if (v.StartsWith("last", StringComparison.Ordinal)) return today.Year - 1;
        if (v.StartsWith("this", StringComparison.Ordinal)) return today.Year;
        if (v.StartsWith("next", StringComparison.Ordinal)) return today.Year + 1;
        return int.Parse(v, CultureInfo.InvariantCulture);
    }

    private static int MonthOf(Group g) => int.Parse(g.ValueSpan[3..], CultureInfo.InvariantCulture);

    private static DateOnly? Date(Group g)
    {
        var parts = g.Value.Split('-');
        if (parts.Length != 3) return null;
        if (!int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var y)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var mo)
            || !int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var d)) return null;
        if (!ValidYear(y) || mo is < 1 or > 12 || d < 1 || d > DateTime.DaysInMonth(y, mo)) return null;
        return new DateOnly(y, mo, d);
    }

    private static DateOnly Shift(DateOnly day, int count, string unit) => unit switch
    {
        "day" => day.AddDays(count),
        "week" => day.AddDays(7 * count),
        "month" => day.AddMonths(count),
        "quarter" => day.AddMonths(3 * count),
        _ => day.AddYears(count),
    };

    private static DateRange Trailing(DateOnly today, int count, string unit) => new(Shift(today, -count, unit).AddDays(1), today);
    private static DateRange Ahead(DateOnly today, int count, string unit) => new(today, Shift(today, count, unit).AddDays(-1));

    private static DateRange Whole(DateOnly day, string unit) => unit switch
    {
        "day" => new DateRange(day, day),
        "week" => new DateRange(WeekStart(day), WeekStart(day).AddDays(6)),
        "month" => Month(day.Year, day.Month),
        "quarter" => Quarter(day.Year, QuarterOf(day)),
        _ => Year(day.Year),
    };

    // ---- resolvers ----

    private static DateRange? ResolveDateRange(Match m, DateOnly today, PeriodDirection direction)
    {
        if (Date(m.Groups["a"]) is not { } a) return null;
        if ((m.Groups["now"].Success ? today : Date(m.Groups["b"])) is not { } b) return null;
        return b < a ? new DateRange(b, a) : new DateRange(a, b);
    }

    private static DateRange? ResolveSince(Match m, DateOnly today, PeriodDirection direction)
    {
        DateOnly? from = null;
        if (m.Groups["a"].Success) from = Date(m.Groups["a"]);
        else if (m.Groups["m"].Success)
        {
            var month = MonthOf(m.Groups["m"]);
            from = (YearOf(m.Groups["y"], today) is { } y ? Month(y, month) : Occurrence(y => Month(y, month), null, today, PeriodDirection.Past)).From;
        }
        else if (m.Groups["q"].Success)
        {
            var q = m.Groups["q"].ValueSpan[1] - '0';
            from = (YearOf(m.Groups["qy"], today) is { } y ? Quarter(y, q) : Occurrence(y => Quarter(y, q), null, today, PeriodDirection.Past)).From;
        }
        else if (m.Groups["yr"].Success) from = new DateOnly(int.Parse(m.Groups["yr"].Value, CultureInfo.InvariantCulture), 1, 1);
        else if (m.Groups["u"].Success)
        {
            var unit = m.Groups["u"].Value;
            var anchor = m.Groups["rel"].Value == "last" ? Shift(today, -1, unit) : today;
            from = Whole(anchor, unit).From;
        }
        if (from is not { } start || start > today) return null;
        return new DateRange(start, today);
    }

    private static DateRange? ResolveMonthRange(Match m, DateOnly today, PeriodDirection direction)
    {
        var m1 = MonthOf(m.Groups["m1"]);
        var m2 = MonthOf(m.Groups["m2"]);
        var y1 = YearOf(m.Groups["y1"], today);
        var y2 = YearOf(m.Groups["y2"], today);
        DateRange start, end;
        if (y1 is { } a)
        {
            start = Month(a, m1);
            end = Month(y2 ?? (m2 >= m1 ? a : a + 1), m2);
        }
        else if (y2 is { } b)
        {
            end = Month(b, m2);
            start = Month(m1 <= m2 ? b : b - 1, m1);
        }
        else if (direction == PeriodDirection.Future)
        {
            start = Occurrence(y => Month(y, m1), null, today, direction);
            end = Month(m2 >= m1 ? start.From.Year : start.From.Year + 1, m2);
        }
        else
        {
            end = Occurrence(y => Month(y, m2), null, today, direction);
            start = Month(m1 <= m2 ? end.From.Year : end.From.Year - 1, m1);
        }
        return end.To < start.From ? null : new DateRange(start.From, end.To);
    }

    private static DateRange? ResolveQuarter(Match m, DateOnly today, PeriodDirection direction)
    {
        var qGroup = m.Groups["q"].Success ? m.Groups["q"] : m.Groups["q2"];
        var q = qGroup.ValueSpan[1] - '0';
        var year = YearOf(m.Groups["y"], today) ?? YearOf(m.Groups["y2"], today);
        if (year is { } y) return ValidYear(y) ? Quarter(y, q) : null;
        return Occurrence(yy => Quarter(yy, q), m.Groups["mod"].Success ? m.Groups["mod"].Value : null, today, direction);
    }

    private static DateRange? ResolveMonth(Match m, DateOnly today, PeriodDirection direction)
    {
        var month = MonthOf(m.Groups["m"]);
        if (YearOf(m.Groups["y"], today) is { } y) return ValidYear(y) ? Month(y, month) : null;
        return Occurrence(yy => Month(yy, month), m.Groups["mod"].Success ? m.Groups["mod"].Value : null, today, direction);
    }

    private static DateRange? ResolveToDate(Match m, DateOnly today, PeriodDirection direction)
    {
        var unit = m.Groups["u"].Value switch
        {
            "ytd" or "year" => "year",
            "qtd" or "quarter" => "quarter",
            "mtd" or "month" => "month",
            _ => "week",
        };
        return new DateRange(Whole(today, unit).From, today);
    }

    private static DateRange? ResolveRelativeCount(Match m, DateOnly today, PeriodDirection direction)
    {
        var n = int.Parse(m.Groups["n"].Value, CultureInfo.InvariantCulture);
        if (n is <= 0 or > 3660) return null;
        var unit = m.Groups["u"].Value;
        return m.Groups["mod"].Value == "next" ? Ahead(today, n, unit) : Trailing(today, n, unit);
    }

    private static DateRange? ResolveWithinCount(Match m, DateOnly today, PeriodDirection direction)
    {
        var n = int.Parse(m.Groups["n"].Value, CultureInfo.InvariantCulture);
        if (n is <= 0 or > 3660) return null;
        var unit = m.Groups["u"].Value;
        return direction == PeriodDirection.Future ? Ahead(today, n, unit) : Trailing(today, n, unit);
    }

    private static DateRange? ResolveRelativeUnit(Match m, DateOnly today, PeriodDirection direction)
    {
        var unit = m.Groups["u"].Value;
        switch (m.Groups["mod"].Value)
        {
            case "last": return Whole(Shift(today, -1, unit), unit);
            case "next": return Whole(Shift(today, 1, unit), unit);
            case "past": return Trailing(today, 1, unit);
            default:
                var whole = Whole(today, unit);
                return direction == PeriodDirection.Future ? whole : new DateRange(whole.From, today);
        }
    }

    private static DateRange? ResolveSingleDate(Match m, DateOnly today, PeriodDirection direction) =>
        Date(m.Groups["a"]) is { } d ? new DateRange(d, d) : null;

    private static DateRange? ResolveDayWord(Match m, DateOnly today, PeriodDirection direction)
    {
        var day = m.Groups["d"].Value switch
        {
            "yesterday" => today.AddDays(-1),
            "tomorrow" => today.AddDays(1),
            _ => today,
        };
        return new DateRange(day, day);
    }

    private static DateRange? ResolveYear(Match m, DateOnly today, PeriodDirection direction) =>
        Year(int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture));

    // ---- grammar, over the canonical words of PeriodWords ----
    // Tokens are separated by single spaces; (?<!\S) and (?!\S) keep matches on whole tokens.

    private const string Lead = @"(?<!\S)(?:(?:in|during|for|over|within|of|on|by|from)\s)?(?:the\s)?";
    private const string IsoDate = @"\d{4}-\d{1,2}-\d{1,2}";
    private const string YearWords = @"\d{4}|(?:last|this|next)\syear";
    private const string Unit = @"(?<u>day|week|month|quarter|year)";

    [GeneratedRegex(@"(?<!\S)(?:(?:between|from)\s)?(?<a>" + IsoDate + @")\s(?:and|to|until|till|through|-)\s(?:(?<b>" + IsoDate + @")|(?<now>today|now|date))(?!\S)")]
    private static partial Regex DateRangePattern();

    [GeneratedRegex(@"(?<!\S)(?:ever\s)?since\s(?:the\s)?(?:(?<a>" + IsoDate + @")|(?<m>mon\d\d)(?:\s(?<y>\d{4}))?|(?<q>q[1-4])(?:\s(?<qy>\d{4}))?|(?<yr>\d{4})|(?:(?:start|beginning)\sof\s)?(?:the\s)?(?<rel>last|this)\s(?<u>week|month|quarter|year))(?!\S)")]
    private static partial Regex SincePattern();

    [GeneratedRegex(@"(?<!\S)(?:(?:from|between|in|during|for|over)\s)?(?:the\s)?(?<m1>mon\d\d)(?:\s(?<y1>\d{4}))?\s(?:to|and|until|till|through|-)\s(?<m2>mon\d\d)(?:\s(?<y2>\d{4}))?(?!\S)")]
    private static partial Regex MonthRangePattern();

    [GeneratedRegex(Lead + @"(?:(?:(?<mod>last|this|next)\s)?(?<q>q[1-4])(?:\s(?:of\s)?(?<y>" + YearWords + @"))?|(?<y2>\d{4})\s(?<q2>q[1-4]))(?!\S)")]
    private static partial Regex QuarterPattern();

    [GeneratedRegex(Lead + @"(?:(?<mod>last|this|next)\s)?(?<m>mon\d\d)(?:\s(?:of\s)?(?<y>" + YearWords + @"))?(?!\S)")]
    private static partial Regex MonthPattern();

    [GeneratedRegex(Lead + @"(?:this\s)?(?:(?<u>ytd|qtd|mtd)|(?<u>year|quarter|month|week)\sto\sdate)(?!\S)")]
    private static partial Regex ToDatePattern();

    [GeneratedRegex(Lead + @"(?<mod>last|past|next)\s(?<n>\d{1,4})\s" + Unit + @"(?!\S)")]
    private static partial Regex RelativeCountPattern();

    [GeneratedRegex(@"(?<!\S)(?:in|within)\s(?:the\s)?(?<n>\d{1,4})\s" + Unit + @"(?!\S)")]
    private static partial Regex WithinCountPattern();

    [GeneratedRegex(Lead + @"(?<mod>last|past|next|this)\s" + Unit + @"(?!\S)")]
    private static partial Regex RelativeUnitPattern();

    [GeneratedRegex(Lead + @"(?<a>" + IsoDate + @")(?!\S)")]
    private static partial Regex SingleDatePattern();

    [GeneratedRegex(@"(?<!\S)(?:(?:for|on|as\sof)\s)?(?<d>yesterday|today|tomorrow)(?!\S)")]
    private static partial Regex DayWordPattern();

    [GeneratedRegex(Lead + @"(?:(?:calendar|fiscal|the)\syear\s)?(?<y>(?:19|20|21)\d\d)(?!\S)")]
    private static partial Regex YearPattern();
}
