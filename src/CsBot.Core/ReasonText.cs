using System.Globalization;

namespace CsBot.Core;

/// <summary>Culture-independent number wording for score and rule reasons, so a reason reads the same on every server.</summary>
internal static class ReasonText
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>Whole number, e.g. 42.</summary>
    public static string Whole(double value) => Math.Round(value, MidpointRounding.AwayFromZero).ToString("0", Invariant);

    /// <summary>At most one decimal, e.g. 10.6 or 18.</summary>
    public static string One(double value) => Math.Round(value, 1, MidpointRounding.AwayFromZero).ToString("0.#", Invariant);

    /// <summary>Money with thousands separators, e.g. 12,000 or 1,250.50.</summary>
    public static string Money(decimal value) =>
        decimal.Round(value, 2, MidpointRounding.AwayFromZero) is var rounded && rounded == decimal.Truncate(rounded)
            ? rounded.ToString("#,0", Invariant)
            : rounded.ToString("#,0.00", Invariant);

    public static string Date(DateOnly day) => day.ToString("yyyy-MM-dd", Invariant);

    /// <summary>"1 ticket", "3 tickets".</summary>
    public static string Count(long n, string singular, string? plural = null) =>
        n.ToString(Invariant) + " " + (n == 1 ? singular : plural ?? singular + "s");
}
