using CsBot.Application.Prediction;
using CsBot.Core.Prediction;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Calibrators;
using Microsoft.ML.Trainers.FastTree;

namespace CsBot.Prediction;

/// <summary>
/// A loaded FastTree churn model. Probabilities come from the trees compiled into arrays (<see cref="CompiledForest"/>); explanations from ML.NET's feature
/// contribution calculation (each feature's share of the tree ensemble's raw score for that row), so "why" is the
/// model's own arithmetic, not a guess next to it.
/// </summary>
internal sealed class FastTreeChurnScorer : IChurnScorer
{
    private readonly MLContext _ml;
    private readonly ITransformer _model;
    private readonly ITransformer _contributions;
    private readonly SchemaDefinition _schema = ChurnRow.Schema();
    private readonly CompiledForest _forest;

    public FastTreeChurnScorer(MLContext ml, ITransformer model)
    {
        _ml = ml;
        _model = model;
        // A FastTree binary model comes back from storage as a calibrated tree ensemble; its contributions are the trees'.
        var predictor = model as ISingleFeaturePredictionTransformer<CalibratedModelParametersBase<FastTreeBinaryModelParameters, PlattCalibrator>>
            ?? throw new InvalidOperationException($"The stored churn model ({model.GetType()}) cannot explain its predictions; train it again (model train).");
        var empty = ml.Data.LoadFromEnumerable(Array.Empty<ChurnRow>(), _schema);
        _contributions = ml.Transforms.CalculateFeatureContribution(predictor, numberOfPositiveContributions: ChurnFeatures.Count,
            numberOfNegativeContributions: ChurnFeatures.Count, normalize: false).Fit(empty);
        _forest = new CompiledForest(predictor.Model);
    }

    public double[] Probabilities(IReadOnlyList<float[]> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var result = new double[rows.Count];
        if (rows.Count >= 4_096) Parallel.For(0, rows.Count, i => result[i] = Probability(rows[i]));
        else for (var i = 0; i < rows.Count; i++) result[i] = Probability(rows[i]);
        return result;
    }

    public double Probability(float[] row)
    {
        ArgumentNullException.ThrowIfNull(row);
        Span<float> features = stackalloc float[row.Length];
        row.CopyTo(features);
        Missing.Replace(features);
        return _forest.Probability(features);
    }

    /// <summary>The probability as ML.NET's own pipeline computes it, for checking the compiled forest against.</summary>
    internal double[] PipelineProbabilities(IReadOnlyList<float[]> rows)
    {
        var data = _ml.Data.LoadFromEnumerable(rows.Select(f => new ChurnRow { Features = Missing.Replaced(f) }), _schema);
        return [.. _ml.Data.CreateEnumerable<ProbabilityRow>(_model.Transform(data), reuseRowObject: false).Select(r => (double)r.Probability)];
    }

    public ChurnExplanation Explain(float[] row, int top)
    {
        ArgumentNullException.ThrowIfNull(row);
        var data = _ml.Data.LoadFromEnumerable([new ChurnRow { Features = Missing.Replaced(row) }], _schema);
        var scored = _contributions.Transform(_model.Transform(data));
        var output = _ml.Data.CreateEnumerable<ExplainedRow>(scored, reuseRowObject: false).Single();
        var pushes = output.FeatureContributions
            .Select((c, i) => new FeaturePush(i, row[i], c))
            .Where(p => p.Contribution > 0)
            .OrderByDescending(p => p.Contribution)
            .Take(top)
            .ToArray();
        return new ChurnExplanation(output.Probability, pushes);
    }

    private sealed class ProbabilityRow
    {
        public float Probability { get; set; }
    }

    private sealed class ExplainedRow
    {
        public float Probability { get; set; }
        public float[] FeatureContributions { get; set; } = [];
    }
}
