using CsBot.Core.Signals;
using static CsBot.Core.Formatting.Format;

namespace CsBot.Core.Scoring.Components;

/// <summary><see cref="HealthComponentKind.SupportBurden"/>: the severity- and age-weighted load of open tickets.</summary>
internal static class SupportBurdenComponent
{
    /// <summary>
    /// Always true: no open tickets is a real measurement (burden 0), not missing data, so this component is never
    /// omitted. <paramref name="text"/> is the reason, only built when <paramref name="explain"/> is set.
    /// </summary>
    public static bool Measure(AccountSignals signals, DateOnly asOf, bool explain, out double value, out string? text)
    {
        var load = SupportLoad.At(signals.Tickets, asOf);
        value = load.Burden;
        text = null;
        if (explain)
        {
            text = load.Open == 0
                ? "no open tickets"
                : $"{Count(load.Open, "open ticket")} ({Severities(load)}; oldest {Count(load.OldestDaysOpen, "day")} open) weigh {One(load.Burden)}";
        }
        return true;
    }

    private static string Severities(SupportLoad load)
    {
        var parts = new List<string>(4);
        if (load.Critical > 0) parts.Add($"{load.Critical} critical");
        if (load.High > 0) parts.Add($"{load.High} high");
        if (load.Medium > 0) parts.Add($"{load.Medium} medium");
        if (load.Low > 0) parts.Add($"{load.Low} low");
        return string.Join(", ", parts);
    }
}
