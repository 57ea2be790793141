using CsBot.Core.Signals;
using static CsBot.Core.Formatting.Format;

namespace CsBot.Core.Rules.Checks;

/// <summary><see cref="RuleKind.CsatBelow"/>: average CSAT over the last <c>Days</c> days below <c>Threshold</c>.</summary>
internal static class CsatBelowCheck
{
    public static Finding? Evaluate(RuleDefinition rule, RuleContext c)
    {
        if (rule.Threshold is not { } threshold || rule.Days is not { } days) return null;
        var csat = SurveySummary.Last(c.Signals.Surveys, SurveyKind.Csat, c.AsOf, days);
        if (csat.Average is not { } average || average >= threshold) return null;
        return new Finding(
            $"average CSAT {One(average)} from {Count(csat.Responses, "response")} in {days} days is below {One(threshold)}",
            average);
    }
}
