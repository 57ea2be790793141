namespace CsBot.Core.Signals;

/// <summary>Survey responses of one kind over an inclusive range of days.</summary>
public readonly record struct SurveySummary(SurveyKind Kind, DateOnly From, DateOnly To, int Responses, long ScoreSum, int Promoters, int Detractors)
{
    public bool HasData => Responses > 0;

    /// <summary>Average score on the survey's own scale; null without responses.</summary>
    public double? Average => Responses == 0 ? null : (double)ScoreSum / Responses;

    /// <summary>%promoters - %detractors (-100..100) for NPS surveys; null without responses or for other kinds.</summary>
    public double? Nps => Responses == 0 || Kind != SurveyKind.Nps ? null : (Promoters - Detractors) * 100.0 / Responses;

    /// <summary>Responses of <paramref name="kind"/> dated <paramref name="from"/>..<paramref name="to"/> (inclusive).</summary>
    public static SurveySummary Of(IReadOnlyList<SurveyResponse> surveys, SurveyKind kind, DateOnly from, DateOnly to)
    {
        int count = 0, promoters = 0, detractors = 0;
        long sum = 0;
        for (var i = 0; i < surveys.Count; i++)
        {
            var response = surveys[i];
            if (response.Kind != kind || response.Date < from || response.Date > to) continue;
            count++;
            sum += response.Score;
            if (response.IsPromoter) promoters++;
            else if (response.IsDetractor) detractors++;
        }
        return new SurveySummary(kind, from, to, count, sum, promoters, detractors);
    }

    /// <summary>Responses of <paramref name="kind"/> in the <paramref name="days"/> days ending on <paramref name="asOf"/>.</summary>
    public static SurveySummary Last(IReadOnlyList<SurveyResponse> surveys, SurveyKind kind, DateOnly asOf, int days) =>
        Of(surveys, kind, asOf.AddDays(1 - days), asOf);
}
