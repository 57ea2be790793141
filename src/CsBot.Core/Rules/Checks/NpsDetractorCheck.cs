using CsBot.Core.Signals;
using static CsBot.Core.Formatting.Format;

namespace CsBot.Core.Rules.Checks;

/// <summary><see cref="RuleKind.NpsDetractor"/>: an NPS response of 0-6 in the last <c>Days</c> days.</summary>
internal static class NpsDetractorCheck
{
    public static Finding? Evaluate(RuleDefinition rule, RuleContext c)
    {
        if (rule.Days is not { } days) return null;
        var from = c.AsOf.AddDays(1 - days);
        SurveyResponse? latest = null;
        var detractors = 0;
        var surveys = c.Signals.Surveys;
        for (var i = 0; i < surveys.Count; i++)
        {
            var response = surveys[i];
            if (!response.IsDetractor || response.Date < from || response.Date > c.AsOf) continue;
            detractors++;
            if (latest is null || response.Date > latest.Date || (response.Date == latest.Date && response.Score < latest.Score)) latest = response;
        }
        if (latest is null) return null;
        var who = string.IsNullOrWhiteSpace(latest.Respondent) ? "" : $" from {latest.Respondent}";
        var more = detractors > 1 ? $"; {Count(detractors, "detractor")} in {days} days" : "";
        return new Finding($"NPS {latest.Score}{who} on {Date(latest.Date)} (detractor{more})", latest.Score);
    }
}
