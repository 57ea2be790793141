using CsBot.Application.Asking;
using CsBot.Application.Prediction;
using CsBot.Core.Messaging;
using CsBot.Core.Ports;
using CsBot.Core.Prediction;
using NSubstitute;

namespace CsBot.Application.Tests.Asking;

/// <summary>The churn model's probability beside the rule-based health, and the ranking, in chat.</summary>
public sealed class ChurnPredictionAnswerTests
{
    private readonly AnswerFixture _data = new();
    private static readonly Asker Local = Asker.Local();

    private static ChurnModelRecord Model(bool passed, string verdict) => new("churn-20261122T030000Z", new DateTimeOffset(2026, 11, 22, 3, 0, 0, TimeSpan.Zero),
        new(2026, 11, 22), 4_800, 120, 31, ChurnFeatures.Names, 0.74, 0.21, 0.38, 0.65, passed, verdict, passed ? [1, 2, 3] : []);

    /// <summary>A model whose probability grows with MRR (feature 16), so the ranking is known: Big Co, Mid Co, Calm Corp, Late Payer.</summary>
    private ChurnPredictions Predictions(ChurnModelRecord? passed, ChurnModelRecord? latest) =>
        Predictions(passed, latest, f => Math.Min(0.95, f[16] / 1_200_000.0 + 0.05));

    private static ChurnPredictions Predictions(ChurnModelRecord? passed, ChurnModelRecord? latest, Func<float[], double> P, FeaturePush[]? explained = null)
    {
        var store = Substitute.For<IChurnModelStore>();
        store.LatestPassed().Returns(passed);
        store.Latest().Returns(latest);
        var scorer = Substitute.For<IChurnScorer>();
        scorer.Probabilities(Arg.Any<IReadOnlyList<float[]>>()).Returns(c => c.Arg<IReadOnlyList<float[]>>().Select(P).ToArray());
        scorer.Probability(Arg.Any<float[]>()).Returns(c => P(c.Arg<float[]>()));
        scorer.Explain(Arg.Any<float[]>(), Arg.Any<int>()).Returns(c =>
        {
            var f = c.Arg<float[]>();
            FeaturePush[] pushes = explained ?? [new(0, 0.34f, 0.41), new(9, 6.5f, 0.22), new(16, f[16], -0.08)];
            return new ChurnExplanation(P(f), pushes.Take(c.Arg<int>()).ToArray());
        });
        var learner = Substitute.For<IChurnLearner>();
        learner.Load(Arg.Any<byte[]>()).Returns(scorer);
        return new ChurnPredictions(store, learner, new ChurnModelOptions(), AnswerFixture.BusinessClock());
    }

    [Fact]
    public void Health_and_why_show_the_predicted_churn_beside_the_health_with_the_features_raising_it()
    {
        var service = _data.ServiceWith(Predictions(Model(true, "In use"), Model(true, "In use")));

        foreach (var answer in new[] { service.Ask("health of Big Co", Local), service.Ask("why is Big Co at risk", Local) })
        {
            var section = answer.Sections[^1];
            // Big Co's MRR before today is 1,080,000: 1,080,000 / 1,200,000 + 0.05 = 95%.
            Assert.Equal("Predicted churn: 95% within 90 days", section.Heading);
            var lines = section.Text!.Split('\n');
            Assert.Equal("From the churn model trained 2026-11-22 on this portfolio's history (AUC 0.74 on held-out months); the features raising it most:", lines[0]);
            // Contributions 0.41, 0.22 and -0.08: the model's internal units, so only how they compare is shown, and
            // MRR, which lowers the risk, is no reason for it.
            Assert.Equal(["seat utilisation (30 days) 34% raises it most", "average NPS (180 days) 6.5 raises it about half as much"], lines[1..]);
            Assert.DoesNotContain("0.41", section.Text);
        }
        Assert.StartsWith("Big Co: health 35", service.Ask("health of Big Co", Local).Title);
    }

    [Fact]
    public void Without_a_model_that_passed_the_answers_stay_as_they_were_and_the_ranking_says_why()
    {
        var verdict = "Not trained: 3 churns since 2024-11-30, and a model needs at least 20 to learn from (Prediction:MinimumChurnEvents). The rules keep working meanwhile.";
        var service = _data.ServiceWith(Predictions(null, Model(false, verdict)));

        Assert.Equal(_data.Service().Ask("health of Big Co", Local).Sections.Count, service.Ask("health of Big Co", Local).Sections.Count);
        Assert.DoesNotContain(service.Ask("health of Big Co", Local).Sections, s => s.Heading?.StartsWith("Predicted churn", StringComparison.Ordinal) == true);
        var ranking = service.Ask("which accounts are most likely to churn", Local);
        Assert.Equal("No churn predictions yet", ranking.Title);
        Assert.StartsWith(verdict, ranking.Sections[0].Text);
    }

    [Fact]
    public void The_ranking_lists_current_customers_highest_probability_first_with_their_health()
    {
        var service = _data.ServiceWith(Predictions(Model(true, "In use"), Model(true, "In use")));

        var answer = service.Ask("which accounts are most likely to churn", Local);

        Assert.Equal("Most likely to churn: top 4 of 4 accounts", answer.Title);
        Assert.Equal(["Big Co", "Mid Co", "Calm Corp", "Late Payer Ltd"], answer.Sections.Select(s => s.Account!.Name));
        Assert.Equal("Big Co: 95% predicted churn, health 35 (Poor)", answer.Sections[0].Heading);
        Assert.Equal("seat utilisation (30 days) 34% raises it most", answer.Sections[0].Text);
        var enterprise = service.Ask("who is most likely to churn in enterprise", Local);
        Assert.Equal(["Big Co", "Calm Corp"], enterprise.Sections.Select(s => s.Account!.Name));
    }

    [Fact]
    public void Odds_near_zero_or_one_read_as_under_1_or_over_99_percent_never_as_certainty()
    {
        // Big Co gets 99.6%, the others under 0.2%: rounded to whole percents these would read "0%" and "100%".
        var service = _data.ServiceWith(Predictions(Model(true, "In use"), Model(true, "In use"), f => f[16] > 500_000 ? 0.996 : f[16] / 100_000_000.0));

        Assert.Equal("Predicted churn: over 99% within 90 days", service.Ask("why is Big Co at risk", Local).Sections[^1].Heading);
        Assert.Equal("Predicted churn: under 1% within 90 days", service.Ask("health of Late Payer Ltd", Local).Sections[^1].Heading);
        var ranking = service.Ask("which accounts are most likely to churn", Local).Sections;
        Assert.StartsWith("Big Co: over 99% predicted churn", ranking[0].Heading);
        Assert.StartsWith("Late Payer Ltd: under 1% predicted churn", ranking[^1].Heading);
    }

    [Fact]
    public void Only_features_raising_the_risk_are_named_each_beside_the_strongest_of_them()
    {
        FeaturePush[] pushes = [new(5, 40f, 2.0), new(14, 150f, -58.97), new(17, 0f, -19.01), new(0, 0.34f, 6.1)];

        var lines = FeatureWords.Pushes(pushes, "USD");

        Assert.Equal(["seat utilisation (30 days) 34% raises it most", "days since anyone logged in 40 days raises it about a third as much"], lines);
    }

    [Fact]
    public void When_every_feature_lowers_the_risk_nothing_is_named_as_its_reason()
    {
        FeaturePush[] lowering = [new(14, 150f, -58.97), new(17, 0f, -19.01)];
        var service = _data.ServiceWith(Predictions(Model(true, "In use"), Model(true, "In use"), f => 0.002, lowering));

        var why = service.Ask("why is Big Co at risk", Local).Sections[^1].Text!.Split('\n');
        var ranking = service.Ask("which accounts are most likely to churn", Local);

        Assert.Equal("nothing stands out: no feature raises it", why[1]);
        Assert.Equal(2, why.Length);
        Assert.All(ranking.Sections, s => Assert.Equal("nothing stands out: no feature raises it", s.Text));
    }
}
