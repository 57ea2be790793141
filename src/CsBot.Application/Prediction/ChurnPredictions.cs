using CsBot.Application.Time;
using CsBot.Core.Ports;
using CsBot.Core.Prediction;
using CsBot.Core.Signals;

namespace CsBot.Application.Prediction;

/// <summary>An account's predicted churn probability with the features pushing it most.</summary>
public sealed record AccountPrediction(string AccountId, ChurnExplanation Explanation, string ModelId);

/// <summary>
/// Predictions from the latest model that passed its gate (loaded once per model). Says nothing, and says why, while
/// predictions are off or no model passed: <see cref="WhyNone"/>.
/// </summary>
public sealed class ChurnPredictions(IChurnModelStore models, IChurnLearner learner, ChurnModelOptions options, BusinessClock clock)
{
    private readonly Lock _gate = new();
    private (string Id, IChurnScorer Scorer)? _loaded;

    /// <summary>The model in use, or null (see <see cref="WhyNone"/>).</summary>
    public (ChurnModelRecord Record, IChurnScorer Scorer)? Current()
    {
        if (!options.Enabled || models.LatestPassed() is not { } record) return null;
        lock (_gate)
        {
            if (_loaded is not { } loaded || loaded.Id != record.Id) _loaded = loaded = (record.Id, learner.Load(record.Model));
            return (record, loaded.Scorer);
        }
    }

    /// <summary>Why there is no prediction: predictions off, never trained, or the last training's verdict.</summary>
    public string WhyNone() =>
        !options.Enabled ? "Churn predictions are off (Prediction:Enabled)."
        : models.Latest() is { } latest ? latest.Verdict
        : "No churn model has been trained yet (it trains weekly, or run: csbot model train).";

    /// <summary>One account's prediction as of today, with its <paramref name="top"/> strongest features; null without a model or for a former customer.</summary>
    public AccountPrediction? Explain(AccountSignals signals, int top = 3)
    {
        var today = clock.Today;
        if (Current() is not { } model || !ChurnFeatures.IsScorable(signals.Account, today)) return null;
        return new AccountPrediction(signals.Account.Id, model.Scorer.Explain(ChurnFeatures.Compute(signals, today), top), model.Record.Id);
    }

    /// <summary>Probabilities for every scorable account as of today, highest first; empty without a model.</summary>
    public IReadOnlyList<(AccountSignals Signals, double Probability)> Rank(IEnumerable<AccountSignals> portfolio)
    {
        var today = clock.Today;
        if (Current() is not { } model) return [];
        var scorable = portfolio.Where(s => ChurnFeatures.IsScorable(s.Account, today)).ToArray();
        var features = new float[scorable.Length][];
        Parallel.For(0, scorable.Length, i => features[i] = ChurnFeatures.Compute(scorable[i], today));
        var probabilities = model.Scorer.Probabilities(features);
        return [.. scorable.Select((s, i) => (s, probabilities[i])).OrderByDescending(x => x.Item2)];
    }
}
