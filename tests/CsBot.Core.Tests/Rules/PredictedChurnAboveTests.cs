using CsBot.Core.Metrics;
using CsBot.Core.Rules;
using CsBot.Core.Scoring;
using CsBot.Core.Signals;
using CsBot.Core.Tests.Builders;
using NSubstitute;
using static CsBot.Core.Tests.Builders.ScoringSignalsBuilder;

namespace CsBot.Core.Tests.Rules;

/// <summary>The rule kind that alerts on the churn model's probability.</summary>
public sealed class PredictedChurnAboveTests
{
    private static readonly RuleDefinition Rule = new() { Id = "predicted-churn", Kind = RuleKind.PredictedChurnAbove, Severity = Severity.Warning, Percent = 40 };
    private static readonly HealthScore Health = new()
    {
        AccountId = "acc-1", AsOf = AsOf, Score = 80, Band = HealthBand.Good,
        Components = [new ComponentScore(HealthComponentKind.SupportBurden, 0, 80, 1, 80, "test")],
    };

    private static IReadOnlyList<RuleHit> Evaluate(IPredictedChurn? predicted) =>
        new RuleEvaluator(new RulesOptions { Definitions = [Rule] }, new MetricsOptions(), predicted).Evaluate(new ScoringSignalsBuilder().Build(), Health, [], AsOf);

    private static IPredictedChurn Predicting(double? probability)
    {
        var predicted = Substitute.For<IPredictedChurn>();
        predicted.Probability(Arg.Any<AccountSignals>(), AsOf).Returns(probability);
        predicted.HorizonDays.Returns(90);
        return predicted;
    }

    [Fact]
    public void Fires_at_or_above_the_percent_with_the_odds_in_the_reason()
    {
        var hit = Assert.Single(Evaluate(Predicting(0.4)));

        Assert.Equal("the churn model gives 40% odds of churn or a deep contraction within 90 days (alerting at 40%)", hit.Reason);
        Assert.Equal(40, hit.Observed, 6);
        Assert.Equal(RuleKind.PredictedChurnAbove, hit.Kind);
        Assert.Single(Evaluate(Predicting(0.83)));
    }

    [Fact]
    public void Odds_above_99_percent_read_as_over_99_percent_never_as_certainty()
    {
        var rule = new RuleDefinition { Id = "predicted-churn", Kind = RuleKind.PredictedChurnAbove, Severity = Severity.Warning, Percent = 99 };
        var predicted = Predicting(0.996);

        var hit = Assert.Single(new RuleEvaluator(new RulesOptions { Definitions = [rule] }, new MetricsOptions(), predicted).Evaluate(new ScoringSignalsBuilder().Build(), Health, [], AsOf));

        Assert.Equal("the churn model gives over 99% odds of churn or a deep contraction within 90 days (alerting at 99%)", hit.Reason);
    }

    [Fact]
    public void Stays_quiet_below_the_percent_and_while_no_model_is_in_use()
    {
        Assert.Empty(Evaluate(Predicting(0.39)));
        Assert.Empty(Evaluate(Predicting(null)));
        Assert.Empty(Evaluate(null));
    }

    [Fact]
    public void Needs_a_percent_between_0_and_100()
    {
        Assert.Empty(RuleValidation.Validate(new RulesOptions { Definitions = [Rule] }));
        var error = Assert.Single(RuleValidation.Validate(new RulesOptions { Definitions = [new RuleDefinition { Id = "predicted-churn", Kind = RuleKind.PredictedChurnAbove }] }));
        Assert.Contains("Percent", error);
        Assert.Equal("predicted churn", RuleNames.Of(RuleKind.PredictedChurnAbove));
    }
}
