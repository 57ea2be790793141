using System.Globalization;
using CsBot.Core.Formatting;
using CsBot.Core.Metrics;

namespace CsBot.Application.Asking;

/// <summary>Names a period the way people say it: "Q3 2026", "October 2026", "2026", or the dates.</summary>
public static class PeriodLabel
{
    public static string Describe(DateRange period)
    {
        var (from, to) = (period.From, period.To);
        var wholeMonths = from.Day == 1 && to.AddDays(1).Day == 1;
        if (wholeMonths && from.Year == to.Year)
        {
            if (from.Month == 1 && to.Month == 12) return from.Year.ToString(CultureInfo.InvariantCulture);
            if (from.Month == to.Month) return Format.Month(from);
            if ((from.Month - 1) % 3 == 0 && to.Month == from.Month + 2) return $"Q{(from.Month - 1) / 3 + 1} {from.Year}";
        }
        return $"{Format.Date(from)} to {Format.Date(to)}";
    }
}
