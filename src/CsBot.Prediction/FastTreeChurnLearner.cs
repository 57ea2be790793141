using CsBot.Application.Prediction;
using CsBot.Core.Prediction;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers.FastTree;

namespace CsBot.Prediction;

/// <summary>
/// Gradient-boosted trees (ML.NET FastTree, Platt-calibrated) over <see cref="ChurnFeatures"/>. Trees suit the data: the
/// features are on unlike scales, interact (low usage matters more near a renewal), and have gaps (no survey yet, NaN),
/// which FastTree routes without imputation. Fixed seed and settings, so the same rows give the same model.
/// </summary>
public sealed class FastTreeChurnLearner : IChurnLearner
{
    private const int Seed = 18;

    public byte[] Fit(ChurnRows rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        return Fit(new ChurnRowsDataView(rows), rows.Count);
    }

    /// <summary>Fits on <paramref name="data"/> (<see cref="ChurnRow"/>'s columns, <paramref name="rows"/> rows).</summary>
    internal static byte[] Fit(IDataView data, int rows)
    {
        var ml = new MLContext(Seed);
        var trainer = ml.BinaryClassification.Trainers.FastTree(new FastTreeBinaryTrainer.Options
        {
            NumberOfTrees = 150,
            NumberOfLeaves = 16,
            MinimumExampleCountPerLeaf = Math.Clamp(rows / 400, 10, 200),
            LearningRate = 0.08,
            FeatureFraction = 0.8,
            Shrinkage = 1,
        });
        var model = trainer.Fit(data);
        using var stream = new MemoryStream();
        ml.Model.Save(model, data.Schema, stream);
        return stream.ToArray();
    }

    public IChurnScorer Load(byte[] model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var ml = new MLContext(Seed);
        using var stream = new MemoryStream(model);
        var transformer = ml.Model.Load(stream, out _);
        return new FastTreeChurnScorer(ml, transformer);
    }
}

/// <summary>
/// Missing values (NaN: no survey yet, no usage history) as a value below any real one, so every tree sends "no data"
/// down a branch of its own and the compiled scorer needs no missing-value rule of ML.NET's.
/// </summary>
internal static class Missing
{
    public const float Value = -1e9f;

    public static float[] Replaced(float[] features)
    {
        if (!features.Any(float.IsNaN)) return features;
        var copy = (float[])features.Clone();
        for (var i = 0; i < copy.Length; i++) if (float.IsNaN(copy[i])) copy[i] = Value;
        return copy;
    }

    public static void Replace(Span<float> features)
    {
        for (var i = 0; i < features.Length; i++) if (float.IsNaN(features[i])) features[i] = Value;
    }
}

/// <summary>One row as ML.NET reads it; the vector size is set by <see cref="Schema"/> from the feature list.</summary>
internal sealed class ChurnRow
{
    public float[] Features { get; set; } = [];
    public bool Label { get; set; }

    public static SchemaDefinition Schema()
    {
        var schema = SchemaDefinition.Create(typeof(ChurnRow));
        schema[nameof(Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, ChurnFeatures.Count);
        return schema;
    }
}
