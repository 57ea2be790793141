using CsBot.Core.Prediction;

namespace CsBot.Core.Ports;

/// <summary>Trained churn models with their metadata. Small on purpose: every store implements it.</summary>
public interface IChurnModelStore
{
    void Save(ChurnModelRecord model);

    /// <summary>The most recent training, passed or not (to say why no model is in use); null before the first.</summary>
    ChurnModelRecord? Latest();

    /// <summary>The most recent model that passed its quality gate: the one CsBot predicts with.</summary>
    ChurnModelRecord? LatestPassed();
}
