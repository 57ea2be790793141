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
