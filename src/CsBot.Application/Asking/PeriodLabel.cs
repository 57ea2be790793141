using System.Globalization;
using CsBot.Core.Formatting;
using CsBot.Core.Metrics;

namespace CsBot.Application.Asking;

/// <summary>Names a period the way people say it: "Q3 2026", "October 2026", "2026", or the dates.</summary>
public static class PeriodLabel
{
    private static readonly string[] RelativeWords = ["last", "this", "next", "past", "previous", "since", "between", "from", "to date", "today", "yesterday", "tomorrow", "week", "day"];

    public static string Describe(DateRange period) => Calendar(period) ?? $"{Format.Date(period.From)} to {Format.Date(period.To)}";

    /// <summary>"Q3 2026", "October 2026" or "2026" when the days are one calendar quarter, month or year; null otherwise.</summary>
    public static string? Calendar(DateRange period)
    {
        var (from, to) = (period.From, period.To);
        var wholeMonths = from.Day == 1 && to.AddDays(1).Day == 1;
        if (!wholeMonths || from.Year != to.Year) return null;
        if (from.Month == 1 && to.Month == 12) return from.Year.ToString(CultureInfo.InvariantCulture);
        if (from.Month == to.Month) return Format.Month(from);
        if ((from.Month - 1) % 3 == 0 && to.Month == from.Month + 2) return $"Q{(from.Month - 1) / 3 + 1} {from.Year}";
        return null;
    }

    /// <summary>
    /// A title's words for a period someone typed: a named month, quarter or year in full ("jan" is "in January 2027",
    /// "q1" is "in Q1 2027"); what was said relative to today ("last quarter", "next 60 days") as typed, since it
    /// already reads as words.
    /// </summary>
    public static string ForTitle(string typed, DateRange period)
    {
        var lower = typed.ToLowerInvariant();
        if (Calendar(period) is not { } calendar || RelativeWords.Any(w => lower.Contains(w, StringComparison.Ordinal))) return typed;
        var lead = lower.TrimStart();
        foreach (var preposition in (string[])["in ", "for ", "during ", "of "])
            if (lead.StartsWith(preposition, StringComparison.Ordinal)) return preposition + calendar;
        return calendar;
    }
}
