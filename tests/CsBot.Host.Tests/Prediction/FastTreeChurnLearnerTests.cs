using CsBot.Core.Prediction;
using CsBot.DemoData;
using CsBot.Prediction;
using Microsoft.ML;

namespace CsBot.Host.Tests.Prediction;

/// <summary>
/// The ML.NET learner: a model survives serialisation, the compiled trees give ML.NET's own probabilities, and fitting
/// from the feature matrix in place gives the model that a row object per snapshot gave.
/// </summary>
public sealed class FastTreeChurnLearnerTests
{
    private static readonly DateOnly Today = new(2026, 5, 14);
    private static readonly ChurnLabel Label = new();
    private static readonly ChurnTrainingSet Rows = ChurnTrainingSet.Build(
        DemoPortfolio.Generate(Today, 300, usageDays: DemoPortfolio.FullHistoryUsageDays), ChurnSnapshots.MonthEnds(Today, 24, Label), Today, Label);

    [Fact]
    public void A_stored_model_scores_like_the_ml_net_pipeline_and_explains_with_contributions()
    {
        var learner = new FastTreeChurnLearner();

        var bytes = learner.Fit(Rows.All);
        var scorer = (FastTreeChurnScorer)learner.Load(bytes);
        var features = Features(Rows.All);

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

    [Fact]
    public void Fitting_from_the_matrix_gives_the_model_a_row_object_per_snapshot_gave()
    {
        var learner = new FastTreeChurnLearner();
        var train = Rows.Before(Rows.Days[^6].AddDays(-Label.HorizonDays));
        Assert.InRange(train.Count, 1, Rows.Count - 1);

        foreach (var rows in new[] { train, Rows.All })
        {
            // As the rows reached ML.NET before: an object with its own (missing-replaced) array per snapshot, enumerated.
            var objects = Enumerable.Range(0, rows.Count).Select(i => new ChurnRow { Features = Missing.Replaced(rows.Features(i).ToArray()), Label = rows.Label(i) });
            var asObjects = (FastTreeChurnScorer)learner.Load(FastTreeChurnLearner.Fit(new MLContext().Data.LoadFromEnumerable(objects, ChurnRow.Schema()), rows.Count));
            var inPlace = (FastTreeChurnScorer)learner.Load(learner.Fit(rows));

            var features = Features(Rows.All);
            Assert.Equal(asObjects.Probabilities(features), inPlace.Probabilities(features));
            foreach (var row in features.Take(20))
                Assert.Equal(asObjects.Explain(row, ChurnFeatures.Count).Pushes, inPlace.Explain(row, ChurnFeatures.Count).Pushes);
        }
    }

    private static float[][] Features(ChurnRows rows) => [.. Enumerable.Range(0, rows.Count).Select(i => rows.Features(i).ToArray())];
}
