using System.Globalization;

namespace CsBot.Core.Metrics;

/// <summary>Short money text for chat answers and formulas: 1.20M, 80k, 12.5k, 950.</summary>
public static class MoneyFormat
{
    /// <summary>
    /// Formats an amount compactly, without currency symbol: millions and billions with two decimals (1.20M, 3.45B),
    /// thousands with up to three significant digits and no trailing zeros (80k, 12.5k, 1.25k, 250k),
    /// smaller amounts with up to two decimals (950, 12.5). Negative amounts keep their sign (-20k).
    /// </summary>
    public static string Compact(decimal amount)
    {
        var sign = amount < 0 ? "-" : "";
        var abs = Math.Abs(amount);

        // Round first at the scale the number is shown in, so 999,999 becomes 1.00M rather than 1000k.
        var billions = Math.Round(abs / 1_000_000_000m, 2, MidpointRounding.AwayFromZero);
        if (billions >= 1m)
            return sign + billions.ToString("0.00", CultureInfo.InvariantCulture) + "B";

        var millions = Math.Round(abs / 1_000_000m, 2, MidpointRounding.AwayFromZero);
        if (millions >= 1m)
            return sign + millions.ToString("0.00", CultureInfo.InvariantCulture) + "M";

        var thousands = abs / 1_000m;
        if (Math.Round(thousands, 2, MidpointRounding.AwayFromZero) >= 1m)
        {
            var decimals = thousands >= 100m ? 0 : thousands >= 10m ? 1 : 2;
            var rounded = Math.Round(thousands, decimals, MidpointRounding.AwayFromZero);
            if (rounded >= 1000m)
                return sign + "1.00M";
            return sign + rounded.ToString("0.##", CultureInfo.InvariantCulture) + "k";
        }

        return sign + Math.Round(abs, 2, MidpointRounding.AwayFromZero).ToString("0.##", CultureInfo.InvariantCulture);
    }

    /// <summary>Compact amount followed by the ISO currency code, e.g. "1.20M USD".</summary>
    public static string Compact(decimal amount, string currency) =>
        string.IsNullOrWhiteSpace(currency) ? Compact(amount) : $"{Compact(amount)} {currency}";
}
