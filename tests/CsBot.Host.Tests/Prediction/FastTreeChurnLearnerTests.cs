using CsBot.Core.Prediction;
using CsBot.DemoData;
using CsBot.Prediction;

namespace CsBot.Host.Tests.Prediction;

/// <summary>The ML.NET learner: a model survives serialisation, and the compiled trees give ML.NET's own probabilities.</summary>
public sealed class FastTreeChurnLearnerTests
{
    private static readonly DateOnly Today = new(2026, 5, 14);

    [Fact]
    public void A_stored_model_scores_like_the_ml_net_pipeline_and_explains_with_contributions()
    {
        var portfolio = DemoPortfolio.Generate(Today, 300, usageDays: DemoPortfolio.FullHistoryUsageDays);
        var label = new ChurnLabel();
        var rows = ChurnSnapshots.Build(portfolio, ChurnSnapshots.MonthEnds(Today, 24, label), Today, label);
        var learner = new FastTreeChurnLearner();

        var bytes = learner.Fit(rows);
        var scorer = (FastTreeChurnScorer)learner.Load(bytes);
        float[][] features = [.. rows.Select(r => r.Features)];

        Assert.Contains(features, f => f.Any(float.IsNaN));
        var compiled = scorer.Probabilities(features);
        var pipeline = scorer.PipelineProbabilities(features);
        Assert.All(Enumerable.Range(0, features.Length), i => Assert.Equal(pipeline[i], compiled[i], 5));

        var explained = scorer.Explain(features[0], 3);
        Assert.Equal(compiled[0], explained.Probability, 5);
        Assert.All(explained.Pushes, p => Assert.Equal(features[0][p.Feature], p.Value));
        // The reasons given for a risk are only features that raise it, strongest first, even for the safest accounts.
        var lowest = Enumerable.Range(0, features.Length).OrderBy(i => compiled[i]).Take(20).Select(i => scorer.Explain(features[i], 3)).ToList();
        Assert.All(lowest, e => Assert.All(e.Pushes, p => Assert.True(p.Contribution > 0, $"{p.Name} lowers the risk ({p.Contribution})")));
        Assert.All(lowest, e => Assert.Equal(e.Pushes.OrderByDescending(p => p.Contribution), e.Pushes));
    }
}
