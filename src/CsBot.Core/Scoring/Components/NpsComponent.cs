using CsBot.Core.Signals;
using static CsBot.Core.Formatting.Format;

namespace CsBot.Core.Scoring.Components;

/// <summary><see cref="HealthComponentKind.Nps"/>: the NPS of the responses in the component's window.</summary>
internal static class NpsComponent
{
    /// <summary>
    /// False when there are no NPS responses in the window, with <paramref name="text"/> saying why; otherwise
    /// <paramref name="text"/> is the reason (only built when <paramref name="explain"/> is set).
    /// </summary>
    public static bool Measure(AccountSignals signals, DateOnly asOf, int windowDays, bool explain, out double value, out string? text)
    {
        value = 0;
        text = null;
        var days = Math.Max(1, windowDays);
        var nps = SurveySummary.Last(signals.Surveys, SurveyKind.Nps, asOf, days);
        if (nps.Nps is not { } score)
        {
            text = $"no NPS responses in the last {days} days";
            return false;
        }
        value = score;
        if (explain)
        {
            text = $"NPS {Whole(score)} from {Count(nps.Responses, "response")} ({Count(nps.Promoters, "promoter")}, {Count(nps.Detractors, "detractor")}) in {days} days";
        }
        return true;
    }
}
