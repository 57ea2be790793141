using CsBot.Core.Signals;
using static CsBot.Core.Formatting.Format;

namespace CsBot.Core.Scoring.Components;

/// <summary><see cref="HealthComponentKind.Csat"/>: the average CSAT of the responses in the component's window.</summary>
internal static class CsatComponent
{
    /// <summary>
    /// False when there are no CSAT responses in the window, with <paramref name="text"/> saying why; otherwise
    /// <paramref name="text"/> is the reason (only built when <paramref name="explain"/> is set).
    /// </summary>
    public static bool Measure(AccountSignals signals, DateOnly asOf, int windowDays, bool explain, out double value, out string? text)
    {
        value = 0;
        text = null;
        var days = Math.Max(1, windowDays);
        var csat = SurveySummary.Last(signals.Surveys, SurveyKind.Csat, asOf, days);
        if (csat.Average is not { } average)
        {
            text = $"no CSAT responses in the last {days} days";
            return false;
        }
        value = average;
        if (explain)
        {
            text = $"CSAT {One(average)} average from {Count(csat.Responses, "response")} in {days} days";
        }
        return true;
    }
}
