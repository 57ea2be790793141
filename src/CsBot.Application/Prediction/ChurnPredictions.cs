using CsBot.Core.Accounts;
using CsBot.Application.Time;
using CsBot.Core.Ports;
using CsBot.Core.Prediction;
using CsBot.Core.Rules;
using CsBot.Core.Signals;

namespace CsBot.Application.Prediction;

/// <summary>An account's predicted churn probability with the features raising it most.</summary>
public sealed record AccountPrediction(string AccountId, ChurnExplanation Explanation, string ModelId);

/// <summary>
/// Predictions from the latest model that passed its gate. The model is read from the store at most once a minute
/// (and at once after a training here), so scoring every account in an evaluation costs no store reads. Says nothing,
/// and says why, while predictions are off or no model passed: <see cref="WhyNone"/>.
/// </summary>
public sealed class ChurnPredictions(IChurnModelStore models, IChurnLearner learner, ChurnModelOptions options, BusinessClock clock) : IPredictedChurn
{
    private static readonly TimeSpan Refresh = TimeSpan.FromMinutes(1);
    private readonly Lock _gate = new();
    private (ChurnModelRecord? Record, IChurnScorer? Scorer, DateTimeOffset ReadAt)? _cached;

    /// <summary>Days ahead a prediction covers (Prediction:HorizonDays).</summary>
    public int HorizonDays => options.HorizonDays;

    /// <summary>The model in use, or null (see <see cref="WhyNone"/>).</summary>
    public (ChurnModelRecord Record, IChurnScorer Scorer)? Current()
    {
        if (!options.Enabled) return null;
        lock (_gate)
        {
            var now = clock.Now;
            if (_cached is not { } cached || now - cached.ReadAt >= Refresh)
            {
                var record = models.LatestPassed();
                var scorer = record is null ? null
                    : _cached is { Record: { } was, Scorer: { } loaded } && was.Id == record.Id ? loaded
                    : learner.Load(record.Model);
                _cached = cached = (record, scorer, now);
            }
            return cached is { Record: { } r, Scorer: { } s } ? (r, s) : null;
        }
    }

    /// <summary>Reads the store again at the next use (after a training in this process).</summary>
    public void Reload()
    {
        lock (_gate) _cached = _cached is { } c ? c with { ReadAt = DateTimeOffset.MinValue } : null;
    }

    /// <summary>Why there is no prediction: predictions off, never trained, or the last training's verdict.</summary>
    public string WhyNone() =>
        !options.Enabled ? "Churn predictions are off (Prediction:Enabled)."
        : models.Latest() is { } latest ? latest.Verdict
        : "No churn model has been trained yet (it trains weekly, or run: CsBot model train).";

    /// <summary>One account's prediction as of today, with the <paramref name="top"/> features raising it most; null without a model or for a former customer.</summary>
    public AccountPrediction? Explain(AccountSignals signals, int top = 3)
    {
        var today = clock.Today;
        if (Current() is not { } model || !ChurnFeatures.IsScorable(signals.Account, today)) return null;
        return new AccountPrediction(signals.Account.Id, model.Scorer.Explain(ChurnFeatures.Compute(signals, today), top), model.Record.Id);
    }

    /// <inheritdoc />
    public double? Probability(AccountSignals signals, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(signals);
        if (Current() is not { } model || !ChurnFeatures.IsScorable(signals.Account, asOf)) return null;
        return model.Scorer.Probability(ChurnFeatures.Compute(signals, asOf));
    }

    /// <summary>
    /// Probabilities for every scorable account of <paramref name="portfolio"/> as of today, highest first; empty
    /// without a model. <paramref name="signalsOf"/> gives an account's signals: each is taken once, for its features,
    /// and not kept, so a portfolio held packed is not held whole as objects.
    /// </summary>
    public IReadOnlyList<(Account Account, double Probability)> Rank(IEnumerable<Account> portfolio, Func<Account, AccountSignals?> signalsOf)
    {
        ArgumentNullException.ThrowIfNull(signalsOf);
        var today = clock.Today;
        if (Current() is not { } model) return [];
        var scorable = portfolio.Where(a => ChurnFeatures.IsScorable(a, today)).ToArray();
        var features = new float[scorable.Length][];
        Parallel.For(0, scorable.Length, i => features[i] = signalsOf(scorable[i]) is { } signals ? ChurnFeatures.Compute(signals, today) : null!);
        var kept = Enumerable.Range(0, scorable.Length).Where(i => features[i] is not null).ToArray();
        var probabilities = model.Scorer.Probabilities([.. kept.Select(i => features[i])]);
        return [.. kept.Select((at, i) => (scorable[at], probabilities[i])).OrderByDescending(x => x.Item2)];
    }
}
