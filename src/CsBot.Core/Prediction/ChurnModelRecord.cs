namespace CsBot.Core.Prediction;

/// <summary>
/// One trained churn model as stored: the serialised model and what it was trained and tested on. Models that missed
/// the quality gate are kept too, so CsBot can say why the last training did not replace the model in use.
/// </summary>
/// <param name="Id">Unique per training, e.g. "churn-20260514T031500Z".</param>
/// <param name="Snapshots">Labelled (account, month-end) rows the model was finally trained on.</param>
/// <param name="ChurnEvents">Churns within the training history (the gate needs enough of them).</param>
/// <param name="Auc">Area under the ROC curve on the held-out later months.</param>
/// <param name="Model">The serialised model; empty when training stopped before fitting (too little history).</param>
public sealed record ChurnModelRecord(
    string Id,
    DateTimeOffset TrainedAt,
    DateOnly TrainedThrough,
    int Snapshots,
    int Positives,
    int ChurnEvents,
    IReadOnlyList<string> Features,
    double Auc,
    double PrecisionAtTopDecile,
    double RecallAtTopDecile,
    double MinimumAuc,
    bool Passed,
    string Verdict,
    byte[] Model);
