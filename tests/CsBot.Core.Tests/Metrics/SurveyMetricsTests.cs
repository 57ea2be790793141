using CsBot.Core.Metrics;
using CsBot.Core.Signals;
using static CsBot.Core.Tests.Metrics.MetricsTestAccount;

namespace CsBot.Core.Tests.Metrics;

public sealed class SurveyMetricsTests
{
    private readonly MetricsCalculator _calculator = new(new MetricsOptions());
    private static readonly DateOnly InQ3 = D(2026, 8, 15);

    [Fact]
    public void Nps_of_70_promoters_20_passives_10_detractors_is_60()
    {
        // 100 responses: promoters 70% - detractors 10% = 60. Scores at the class edges: 9 promoter, 7-8 passive, 6 detractor.
        var account = new MetricsTestAccount("a")
            .Surveys(SurveyKind.Nps, 10, 35, InQ3)
            .Surveys(SurveyKind.Nps, 9, 35, InQ3)
            .Surveys(SurveyKind.Nps, 8, 10, InQ3)
            .Surveys(SurveyKind.Nps, 7, 10, InQ3)
            .Surveys(SurveyKind.Nps, 6, 5, InQ3)
            .Surveys(SurveyKind.Nps, 0, 5, InQ3)
            .Build();

        var result = _calculator.Compute(MetricKind.Nps, [account], Q3);

        Assert.Equal(60.0m, result.Value);
        Assert.Equal(MetricUnit.Score, result.Unit);
        Assert.Contains(result.Inputs, i => i is { Name: "promoters", Value: 70m, Unit: MetricUnit.Count });
        Assert.Contains(result.Inputs, i => i is { Name: "passives", Value: 20m });
        Assert.Contains(result.Inputs, i => i is { Name: "detractors", Value: 10m });
        Assert.Contains(result.Inputs, i => i is { Name: "responses", Value: 100m });
        Assert.Equal("NPS 60.0 = promoters 70.0% (70/100) - detractors 10.0% (10/100)", result.Formula);
    }

    [Fact]
    public void Nps_can_be_negative_and_is_rounded_to_one_decimal()
    {
        // 1 promoter, 1 passive, 4 detractors of 6: (1 - 4) / 6 = -50.0. And 1 promoter of 3: 33.3.
        var negative = new MetricsTestAccount("a")
            .Survey(SurveyKind.Nps, 9, InQ3).Survey(SurveyKind.Nps, 7, InQ3).Surveys(SurveyKind.Nps, 3, 4, InQ3).Build();
        var third = new MetricsTestAccount("b")
            .Survey(SurveyKind.Nps, 10, InQ3).Surveys(SurveyKind.Nps, 8, 2, InQ3).Build();

        Assert.Equal(-50.0m, _calculator.Compute(MetricKind.Nps, [negative], Q3).Value);
        Assert.Equal(33.3m, _calculator.Compute(MetricKind.Nps, [third], Q3).Value);
    }

    [Fact]
    public void Only_responses_dated_in_the_period_and_of_the_right_kind_count()
    {
        // In: promoter on 07-01, detractor on 09-30 -> (1 - 1) / 2 = 0. Out: 06-30, 10-01 and a CSAT response.
        var account = new MetricsTestAccount("a")
            .Survey(SurveyKind.Nps, 10, D(2026, 7, 1))
            .Survey(SurveyKind.Nps, 2, D(2026, 9, 30))
            .Survey(SurveyKind.Nps, 10, D(2026, 6, 30))
            .Survey(SurveyKind.Nps, 10, D(2026, 10, 1))
            .Survey(SurveyKind.Csat, 5, InQ3)
            .Build();

        var result = _calculator.Compute(MetricKind.Nps, [account], Q3);

        Assert.Equal(0.0m, result.Value);
        Assert.Contains(result.Inputs, i => i is { Name: "responses", Value: 2m });
    }

    [Fact]
    public void Out_of_scale_scores_are_ignored_and_noted()
    {
        var account = new MetricsTestAccount("a").Survey(SurveyKind.Nps, 10, InQ3).Survey(SurveyKind.Nps, 11, InQ3).Build();

        var result = _calculator.Compute(MetricKind.Nps, [account], Q3);

        Assert.Equal(100.0m, result.Value);
        Assert.Contains("1 response(s) outside the 0-10 scale ignored", result.Note);
    }

    [Theory]
    [InlineData(MetricKind.Nps)]
    [InlineData(MetricKind.Csat)]
    [InlineData(MetricKind.Ces)]
    public void No_responses_gives_null_with_a_note(MetricKind metric)
    {
        var account = new MetricsTestAccount("a").Survey(SurveyKind.Nps, 10, D(2026, 6, 30)).Build();

        var result = _calculator.Compute(metric, [account], Q3);

        Assert.Null(result.Value);
        Assert.Contains("No " + MetricNames.Name(metric) + " responses", result.Note);
    }

    [Fact]
    public void Csat_is_the_average_score_with_share_satisfied()
    {
        // Scores 5, 5, 4, 3, 1: average 18 / 5 = 3.60; satisfied (4-5) 3 of 5 = 60.0%.
        var account = new MetricsTestAccount("a")
            .Surveys(SurveyKind.Csat, 5, 2, InQ3).Survey(SurveyKind.Csat, 4, InQ3)
            .Survey(SurveyKind.Csat, 3, InQ3).Survey(SurveyKind.Csat, 1, InQ3)
            .Build();

        var result = _calculator.Compute(MetricKind.Csat, [account], Q3);

        Assert.Equal(3.60m, result.Value);
        Assert.Equal(MetricUnit.Score, result.Unit);
        Assert.Contains(result.Inputs, i => i is { Name: "% satisfied", Value: 60.0m, Unit: MetricUnit.Percent });
        Assert.Contains(result.Inputs, i => i is { Name: "responses", Value: 5m, Unit: MetricUnit.Count });
        Assert.Equal("CSAT 3.60 = sum of scores 18 / responses 5; 60.0% satisfied (3 of 5 scored 4-5)", result.Formula);
    }

    [Fact]
    public void Ces_is_the_average_score()
    {
        // Scores 7, 6, 5, 2: 20 / 4 = 5.00.
        var account = new MetricsTestAccount("a")
            .Survey(SurveyKind.Ces, 7, InQ3).Survey(SurveyKind.Ces, 6, InQ3)
            .Survey(SurveyKind.Ces, 5, InQ3).Survey(SurveyKind.Ces, 2, InQ3)
            .Build();

        var result = _calculator.Compute(MetricKind.Ces, [account], Q3);

        Assert.Equal(5.00m, result.Value);
        Assert.StartsWith("CES 5.00 = sum of scores 20 / responses 4", result.Formula);
    }

    [Fact]
    public void Segment_filter_applies_to_surveys()
    {
        // Enterprise: one promoter -> 100. SMB: one detractor -> -100.
        AccountSignals[] portfolio =
        [
            new MetricsTestAccount("e", "Enterprise").Survey(SurveyKind.Nps, 10, InQ3).Build(),
            new MetricsTestAccount("s", "SMB").Survey(SurveyKind.Nps, 0, InQ3).Build(),
        ];

        Assert.Equal(100.0m, _calculator.Compute(MetricKind.Nps, portfolio, Q3, "enterprise").Value);
        Assert.Equal(-100.0m, _calculator.Compute(MetricKind.Nps, portfolio, Q3, "Smb").Value);
        Assert.Equal(0.0m, _calculator.Compute(MetricKind.Nps, portfolio, Q3).Value);
    }
}
