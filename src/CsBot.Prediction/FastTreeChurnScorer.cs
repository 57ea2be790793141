using CsBot.Application.Prediction;
using CsBot.Core.Prediction;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Calibrators;
using Microsoft.ML.Trainers.FastTree;

namespace CsBot.Prediction;

/// <summary>
/// A loaded FastTree churn model. Probabilities come from one batch transform; explanations from ML.NET's feature
/// contribution calculation (each feature's share of the tree ensemble's raw score for that row), so "why" is the
/// model's own arithmetic, not a guess next to it.
/// </summary>
internal sealed class FastTreeChurnScorer : IChurnScorer
{
    private readonly MLContext _ml;
    private readonly ITransformer _model;
    private readonly ITransformer _contributions;
    private readonly SchemaDefinition _schema = ChurnRow.Schema();
    private readonly ThreadLocal<PredictionEngine<ChurnRow, ProbabilityRow>> _engines;

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
        _engines = new(() => ml.Model.CreatePredictionEngine<ChurnRow, ProbabilityRow>(model, inputSchemaDefinition: ChurnRow.Schema()));
    }

    public double[] Probabilities(IReadOnlyList<float[]> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        if (rows.Count == 0) return [];
        var data = _ml.Data.LoadFromEnumerable(rows.Select(f => new ChurnRow { Features = f }), _schema);
        var scored = _model.Transform(data);
        var result = new double[rows.Count];
        var i = 0;
        using var cursor = scored.GetRowCursor([scored.Schema["Probability"]]);
        var probability = cursor.GetGetter<float>(scored.Schema["Probability"]);
        float value = 0;
        while (cursor.MoveNext())
        {
            probability(ref value);
            result[i++] = value;
        }
        return result;
    }

    public double Probability(float[] row)
    {
        ArgumentNullException.ThrowIfNull(row);
        // A prediction engine is not thread-safe: one per thread, all over the same model.
        var engine = _engines.Value!;
        return engine.Predict(new ChurnRow { Features = row }).Probability;
    }

    public ChurnExplanation Explain(float[] row, int top)
    {
        ArgumentNullException.ThrowIfNull(row);
        var data = _ml.Data.LoadFromEnumerable([new ChurnRow { Features = row }], _schema);
        var scored = _contributions.Transform(_model.Transform(data));
        var output = _ml.Data.CreateEnumerable<ExplainedRow>(scored, reuseRowObject: false).Single();
        var pushes = output.FeatureContributions
            .Select((c, i) => new FeaturePush(i, row[i], c))
            .Where(p => p.Contribution != 0)
            .OrderByDescending(p => Math.Abs(p.Contribution))
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
