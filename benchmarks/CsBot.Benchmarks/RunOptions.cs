using System.Globalization;

namespace CsBot.Benchmarks;

/// <summary>"--name value" options of the plain stopwatch modes.</summary>
internal static class RunOptions
{
    public static int Int(string[] args, string name, int fallback)
    {
        var at = Array.IndexOf(args, name);
        if (at < 0) return fallback;
        if (at + 1 < args.Length && int.TryParse(args[at + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0) return value;
        throw new ArgumentException($"{name} needs a whole number above 0, e.g. {name} {fallback}.");
    }

    public static string Ms(double milliseconds) => milliseconds.ToString(milliseconds < 10 ? "0.000" : "0.0", CultureInfo.InvariantCulture) + " ms";

    /// <summary>The value at percentile <paramref name="p"/> (0-100) of sorted values, nearest rank.</summary>
    public static double Percentile(double[] sorted, double p)
    {
        if (sorted.Length == 0) return double.NaN;
        var rank = (int)Math.Ceiling(p / 100.0 * sorted.Length);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
    }
}
