using CsBot.Core.Prediction;

namespace CsBot.Application.Prediction;

/// <summary>The learning algorithm behind the churn model: fits snapshots into a serialised model and loads one back.</summary>
public interface IChurnLearner
{
    /// <summary>Fits a model on <paramref name="rows"/> (features in <see cref="ChurnFeatures.Names"/> order), read in place; returns it serialised.</summary>
    byte[] Fit(ChurnRows rows);

    IChurnScorer Load(byte[] model);
}

/// <summary>A loaded churn model.</summary>
public interface IChurnScorer
{
    /// <summary>The churn probability of each feature row, in order. Fast: no explanation is computed.</summary>
    double[] Probabilities(IReadOnlyList<float[]> rows);

    /// <summary>The churn probability of one row; safe to call from many threads at once.</summary>
    double Probability(float[] row);

    /// <summary>
    /// The probability of one row and the <paramref name="top"/> features raising it most, largest first. Features that
    /// lower it are left out: they are not why an account is at risk, and naming them as its reasons would mislead.
    /// </summary>
    ChurnExplanation Explain(float[] row, int top);
}

/// <summary>A prediction with the features that raise it most (positive contributions: towards churn).</summary>
public sealed record ChurnExplanation(double Probability, IReadOnlyList<FeaturePush> Pushes);

/// <summary>One feature's push on a prediction, in the model's own units (its contribution to the score before calibration).</summary>
public sealed record FeaturePush(int Feature, float Value, double Contribution)
{
    public string Name => ChurnFeatures.Names[Feature];
}
