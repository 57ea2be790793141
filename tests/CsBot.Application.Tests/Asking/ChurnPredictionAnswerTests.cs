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
    private ChurnPredictions Predictions(ChurnModelRecord? passed, ChurnModelRecord? latest)
    {
        var store = Substitute.For<IChurnModelStore>();
        store.LatestPassed().Returns(passed);
        store.Latest().Returns(latest);
        var scorer = Substitute.For<IChurnScorer>();
        static double P(float[] f) => Math.Min(0.95, f[16] / 1_200_000.0 + 0.05);
        scorer.Probabilities(Arg.Any<IReadOnlyList<float[]>>()).Returns(c => c.Arg<IReadOnlyList<float[]>>().Select(P).ToArray());
        scorer.Probability(Arg.Any<float[]>()).Returns(c => P(c.Arg<float[]>()));
        scorer.Explain(Arg.Any<float[]>(), Arg.Any<int>()).Returns(c =>
        {
            var f = c.Arg<float[]>();
            FeaturePush[] pushes = [new(0, 0.34f, 0.41), new(9, 6.5f, 0.22), new(16, f[16], -0.08)];
            return new ChurnExplanation(P(f), pushes.Take(c.Arg<int>()).ToArray());
        });
        var learner = Substitute.For<IChurnLearner>();
        learner.Load(Arg.Any<byte[]>()).Returns(scorer);
        return new ChurnPredictions(store, learner, new ChurnModelOptions(), AnswerFixture.BusinessClock());
    }

    [Fact]
    public void Health_and_why_show_the_predicted_churn_beside_the_health_with_the_three_strongest_features()
    {
        var service = _data.ServiceWith(Predictions(Model(true, "In use"), Model(true, "In use")));

        foreach (var answer in new[] { service.Ask("health of Big Co", Local), service.Ask("why is Big Co at risk", Local) })
        {
            var section = answer.Sections[^1];
            // Big Co's MRR before today is 1,080,000: 1,080,000 / 1,200,000 + 0.05 = 95%.
            Assert.Equal("Predicted churn: 95% within 90 days", section.Heading);
            var lines = section.Text!.Split('\n');
            Assert.Equal("From the churn model trained 2026-11-22 on this portfolio's history (AUC 0.74 on held-out months); the features pushing it most:", lines[0]);
            Assert.Equal("seat utilisation (30 days) 34% raises it (+0.41)", lines[1]);
            Assert.Equal("average NPS (180 days) 6.5 raises it (+0.22)", lines[2]);
            Assert.Equal("MRR $1.08M lowers it (-0.08)", lines[3]);
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
        Assert.Equal("Pushed most by seat utilisation (30 days) 34% raises it (+0.41)", answer.Sections[0].Text);
        var enterprise = service.Ask("who is most likely to churn in enterprise", Local);
        Assert.Equal(["Big Co", "Calm Corp"], enterprise.Sections.Select(s => s.Account!.Name));
    }
}
