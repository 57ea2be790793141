using CsBot.Core.Formatting;
using CsBot.Core.Signals;

namespace CsBot.Core.Metrics;

/// <summary>Survey metrics over responses dated in the period: NPS (0-10), CSAT (1-5) and CES (1-7).</summary>
internal static class SurveyMetrics
{
    /// <summary>NPS = % promoters (9-10) - % detractors (0-6).</summary>
    public static MetricResult Nps(MetricContext ctx, IEnumerable<AccountSignals> accounts)
    {
        var (scores, invalid) = Collect(accounts, ctx.Period, SurveyKind.Nps, 0, 10);
        int promoters = 0, passives = 0, detractors = 0;
        foreach (var score in scores)
        {
            if (score >= 9) promoters++;
            else if (score >= 7) passives++;
            else detractors++;
        }

        var responses = scores.Count;
        var inputs = new List<MetricInput>
        {
            Fmt.Count("promoters", promoters),
            Fmt.Count("passives", passives),
            Fmt.Count("detractors", detractors),
            Fmt.Count("responses", responses),
        };
        var invalidNote = InvalidNote(invalid, "0-10");
        if (responses == 0)
            return ctx.Unavailable(Join("No NPS responses in the period.", invalidNote), $"{ctx.Name} = % promoters (9-10) - % detractors (0-6)", inputs);

        var promoterPct = Fmt.Percent(promoters, responses);
        var detractorPct = Fmt.Percent(detractors, responses);
        inputs.Add(Fmt.PercentInput("% promoters", promoterPct));
        inputs.Add(Fmt.PercentInput("% detractors", detractorPct));

        // Computed from the counts, not from the rounded percentages, so rounding happens once.
        var exact = Fmt.ExactPercent(promoters - detractors, responses);
        var value = Fmt.RoundPercent(exact);
        return ctx.Result(exact, value,
            $"{ctx.Name} {Format.Fixed(value, 1)} = promoters {Format.Percent(promoterPct)} ({Format.Number(promoters)}/{Format.Number(responses)}) - detractors {Format.Percent(detractorPct)} ({Format.Number(detractors)}/{Format.Number(responses)})",
            inputs, invalidNote);
    }

    /// <summary>CSAT = average 1-5 score; inputs also carry % satisfied (4-5).</summary>
    public static MetricResult Csat(MetricContext ctx, IEnumerable<AccountSignals> accounts)
    {
        var (scores, invalid) = Collect(accounts, ctx.Period, SurveyKind.Csat, 1, 5);
        var responses = scores.Count;
        var satisfied = scores.Count(s => s >= 4);
        var sum = scores.Sum();
        var inputs = new List<MetricInput>
        {
            Fmt.Count("responses", responses),
            Fmt.Count("satisfied (4-5)", satisfied),
            new("sum of scores", sum, MetricUnit.Score),
        };
        var invalidNote = InvalidNote(invalid, "1-5");
        if (responses == 0)
            return ctx.Unavailable(Join("No CSAT responses in the period.", invalidNote), $"{ctx.Name} = sum of scores / responses (1-5)", inputs);

        var satisfiedPct = Fmt.Percent(satisfied, responses);
        inputs.Add(Fmt.PercentInput("% satisfied", satisfiedPct));
        var exact = (decimal)sum / responses;
        var value = Fmt.Round2(exact);
        return ctx.Result(exact, value,
            $"{ctx.Name} {Format.Fixed(value, 2)} = sum of scores {Format.Number(sum)} / responses {Format.Number(responses)}; " +
            $"{Format.Percent(satisfiedPct)} satisfied ({Format.Number(satisfied)} of {Format.Number(responses)} scored 4-5)",
            inputs, invalidNote);
    }

    /// <summary>CES = average 1-7 score (higher is easier).</summary>
    public static MetricResult Ces(MetricContext ctx, IEnumerable<AccountSignals> accounts)
    {
        var (scores, invalid) = Collect(accounts, ctx.Period, SurveyKind.Ces, 1, 7);
        var responses = scores.Count;
        var sum = scores.Sum();
        var inputs = new List<MetricInput>
        {
            Fmt.Count("responses", responses),
            new("sum of scores", sum, MetricUnit.Score),
        };
        var invalidNote = InvalidNote(invalid, "1-7");
        if (responses == 0)
            return ctx.Unavailable(Join("No CES responses in the period.", invalidNote), $"{ctx.Name} = sum of scores / responses (1-7)", inputs);

        var exact = (decimal)sum / responses;
        var value = Fmt.Round2(exact);
        return ctx.Result(exact, value,
            $"{ctx.Name} {Format.Fixed(value, 2)} = sum of scores {Format.Number(sum)} / responses {Format.Number(responses)} (scale 1-7, higher is easier)",
            inputs, invalidNote);
    }

    private static (List<int> Scores, int Invalid) Collect(IEnumerable<AccountSignals> accounts, DateRange period, SurveyKind kind, int min, int max)
    {
        var scores = new List<int>();
        var invalid = 0;
        foreach (var account in accounts)
        {
            foreach (var response in account.Surveys)
            {
                if (response.Kind != kind || !period.Contains(response.Date))
                    continue;
                if (response.Score < min || response.Score > max)
                    invalid++;
                else
                    scores.Add(response.Score);
            }
        }
        return (scores, invalid);
    }

    private static string? InvalidNote(int invalid, string scale) =>
        invalid == 0 ? null : $"{Format.Number(invalid)} response(s) outside the {scale} scale ignored.";

    private static string Join(string first, string? second) => second is null ? first : $"{first} {second}";
}
