using System.Globalization;
using CsBot.Core.Metrics;

namespace CsBot.Core.Formatting;

/// <summary>
/// The one way CsBot writes figures, so a number reads the same in answers, alerts, reminders, digests and metric
/// formulas, on every server (invariant culture). Money is compact and carries its currency ("$950", "$6,000",
/// "$12.5k", "$1.25M"); counts have thousands separators ("1,200"); percentages a fixed number of decimals
/// ("12.5%"); dates are ISO ("2027-01-12").
/// </summary>
public static class Format
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>
    /// Money in <paramref name="currency"/> (an ISO code; "$", "€", "£" and "¥" are written as symbols, other codes
    /// as a prefix, "CHF 950"). Below 10,000 in full with cents only when there are any ("$6,000", "$12.50"); up to a
    /// million in thousands with one decimal at most ("$12.5k", "$80k"); above in millions or billions with two
    /// at most ("$1.25M"). Each scale is chosen after rounding, so 999,950 reads "$1M", never "$1000k".
    /// </summary>
    public static string Money(decimal amount, string currency)
    {
        var sign = amount < 0 ? "-" : "";
        return sign + CurrencyPrefix(currency) + Magnitude(Math.Abs(amount));
    }

    /// <summary>A change in money, always signed: "+$12.5k", "-$3,000", "$0".</summary>
    public static string SignedMoney(decimal delta, string currency) => (delta > 0 ? "+" : "") + Money(delta, currency);

    /// <summary>A count with thousands separators: "1,200".</summary>
    public static string Count(long n) => n.ToString("#,0", Invariant);

    /// <summary>"1 ticket", "3 tickets", "1,200 logins".</summary>
    public static string Count(long n, string singular, string? plural = null) =>
        Count(n) + " " + (n == 1 ? singular : plural ?? singular + "s");

    /// <summary>A measured number with thousands separators and at most two decimals: "1,234", "12.5".</summary>
    public static string Number(decimal value) => value.ToString("#,0.##", Invariant);

    /// <summary>A score or ratio with exactly <paramref name="decimals"/> decimals: "60.0", "4.00".</summary>
    public static string Fixed(decimal value, int decimals) => value.ToString(FixedPattern(decimals), Invariant);

    /// <summary>Whole number, rounded half away from zero: 42.</summary>
    public static string Whole(double value) => Math.Round(value, MidpointRounding.AwayFromZero).ToString("0", Invariant);

    /// <summary>At most one decimal: 10.6 or 18.</summary>
    public static string One(double value) => Math.Round(value, 1, MidpointRounding.AwayFromZero).ToString("0.#", Invariant);

    /// <summary>People counted, whole however they were averaged: "963", "1,200".</summary>
    public static string People(double count) => Count((long)Math.Round(count, MidpointRounding.AwayFromZero));

    /// <summary>An average count with one decimal only where it changes the reading (below 10: "2.5"), whole above ("48").</summary>
    public static string Average(double value) => Math.Abs(value) < 10 ? One(value) : People(value);

    /// <summary>A percentage with exactly <paramref name="decimals"/> decimals: "12.5%", "1.25%", "40%".</summary>
    public static string Percent(decimal percent, int decimals = 1) => Fixed(percent, decimals) + "%";

    /// <summary>
    /// A probability (0-1) as people read odds: whole percents ("40%"), but "under 1%" and "over 99%" at the ends, since
    /// a rounded "0%" or "100%" would read as certainty the model does not have.
    /// </summary>
    public static string Probability(double probability) =>
        probability < 0.01 ? "under 1%" : probability > 0.99 ? "over 99%" : Whole(probability * 100) + "%";

    /// <summary>A change in percentage points: "+1.5 pts", "-0.3 pts".</summary>
    public static string Points(decimal delta) => Signed(delta, 1) + " pts";

    /// <summary>A change in whole units, always signed when not zero: "+3", "-2", "0".</summary>
    public static string Signed(int delta) => delta > 0 ? "+" + delta.ToString(Invariant) : delta.ToString(Invariant);

    /// <summary>A change with exactly <paramref name="decimals"/> decimals, signed when not zero: "+1.5", "-0.3", "0.0".</summary>
    public static string Signed(decimal delta, int decimals) => (delta > 0 ? "+" : "") + Fixed(delta, decimals);

    /// <summary>A day: "2027-01-12".</summary>
    public static string Date(DateOnly day) => day.ToString("yyyy-MM-dd", Invariant);

    /// <summary>A moment, the same for every reader: UTC to the minute, "2027-01-12 09:30 UTC".</summary>
    public static string Instant(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm", Invariant) + " UTC";

    /// <summary>A calendar month: "January 2027".</summary>
    public static string Month(DateOnly day) => day.ToString("MMMM yyyy", Invariant);

    /// <summary>A metric's value in its unit: money as <see cref="Money"/>, percentages with one decimal, counts whole.</summary>
    public static string Value(decimal value, MetricUnit unit, string currency) => unit switch
    {
        MetricUnit.Money => Money(value, currency),
        MetricUnit.Percent => Percent(value),
        MetricUnit.Count => Count((long)Math.Round(value, MidpointRounding.AwayFromZero)),
        _ => Number(value),
    };

    /// <summary>A change of a metric's value: money and plain numbers signed, percentages in points.</summary>
    public static string Change(decimal delta, MetricUnit unit, string currency) => unit switch
    {
        MetricUnit.Money => SignedMoney(delta, currency),
        MetricUnit.Percent => Points(delta),
        _ => (delta > 0 ? "+" : "") + Number(delta),
    };

    private static string Magnitude(decimal abs)
    {
        var cents = Math.Round(abs, 2, MidpointRounding.AwayFromZero);
        if (cents < 10_000m)
            return cents == decimal.Truncate(cents) ? cents.ToString("#,0", Invariant) : cents.ToString("#,0.00", Invariant);

        var thousands = Math.Round(abs / 1_000m, 1, MidpointRounding.AwayFromZero);
        if (thousands < 1_000m) return thousands.ToString("0.#", Invariant) + "k";

        var millions = Math.Round(abs / 1_000_000m, 2, MidpointRounding.AwayFromZero);
        if (millions < 1_000m) return millions.ToString("0.##", Invariant) + "M";

        return Math.Round(abs / 1_000_000_000m, 2, MidpointRounding.AwayFromZero).ToString("#,0.##", Invariant) + "B";
    }

    private static string CurrencyPrefix(string? currency) => currency?.Trim().ToUpperInvariant() switch
    {
        null or "" => "",
        "USD" => "$",
        "EUR" => "€",
        "GBP" => "£",
        "JPY" => "¥",
        var code => code + " ",
    };

    private static string FixedPattern(int decimals) => decimals <= 0 ? "0" : "0." + new string('0', decimals);
}
