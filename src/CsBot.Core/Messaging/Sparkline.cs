using CsBot.Core.Formatting;

namespace CsBot.Core.Messaging;

/// <summary>A one-line text chart (▁▂▃▄▅▆▇█) that reads the same in every chat client.</summary>
public static class Sparkline
{
    private const string Bars = "▁▂▃▄▅▆▇█";

    /// <summary>Renders values on a fixed 0-100 scale, so two accounts' lines compare at a glance.</summary>
    public static string ForScores(IEnumerable<int> scores)
    {
        var chars = scores.Select(s => Bars[Math.Clamp(s, 0, 100) * (Bars.Length - 1) / 100]).ToArray();
        return new string(chars);
    }

    /// <summary>
    /// Renders values scaled to their own lowest and highest, so a fall of 9 points fills the height of the line
    /// rather than one bar of a 0-100 scale; a line that does not move is drawn flat at mid height. Read it with
    /// <see cref="Range"/>, which says what the bottom and the top stand for.
    /// </summary>
    public static string ForSeries(IReadOnlyList<int> values)
    {
        if (values.Count == 0) return "";
        int low = values.Min(), high = values.Max();
        if (low == high) return new string(Bars[Bars.Length / 2 - 1], values.Count);
        var chars = values.Select(v => Bars[(int)Math.Round((v - low) * (Bars.Length - 1) / (double)(high - low), MidpointRounding.AwayFromZero)]).ToArray();
        return new string(chars);
    }

    /// <summary>What a <see cref="ForSeries"/> line spans: "(range 41-50)", or "(flat at 60)".</summary>
    public static string Range(IReadOnlyList<int> values)
    {
        if (values.Count == 0) return "";
        int low = values.Min(), high = values.Max();
        return low == high ? $"(flat at {Format.Count(low)})" : $"(range {Format.Count(low)}-{Format.Count(high)})";
    }

    /// <summary>Picks at most <paramref name="points"/> evenly spaced values, always keeping the last one.</summary>
    public static IReadOnlyList<int> Sample(IReadOnlyList<int> values, int points)
    {
        if (values.Count <= points) return values;
        var result = new int[points];
        for (var i = 0; i < points; i++)
            result[i] = values[(int)Math.Round(i * (values.Count - 1) / (double)(points - 1))];
        return result;
    }
}
