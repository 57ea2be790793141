using CsBot.Application.ReadModel;
using CsBot.Application.Time;
using CsBot.Core.Ports;
using CsBot.Core.Prediction;
using CsBot.Core.Signals;
using Microsoft.Extensions.Logging;

namespace CsBot.Application.Prediction;

/// <summary>Trains the churn model on the stored portfolio and stores the result, passed or not (weekly job, <c>model train</c>).</summary>
/// <remarks>
/// The month-end rows are built a batch of accounts at a time into one feature matrix (<see cref="ChurnTrainingSet"/>),
/// so the portfolio is not held a second time: from the read model's packed portfolio when it is loaded (the host,
/// after its warm-up), which reads nothing from the store, or else from the store an id range at a time. Above
/// <see cref="ChurnModelOptions.MaxTrainingAccounts"/> accounts it learns from a sample of them (<see cref="ChurnTrainingSample"/>).
/// </remarks>
public sealed class ChurnModelTraining(
    IPortfolioStore portfolio,
    PortfolioView view,
    IChurnModelStore models,
    IChurnLearner learner,
    ChurnPredictions predictions,
    ChurnModelOptions options,
    BusinessClock clock,
    ILogger<ChurnModelTraining> logger)
{
    /// <summary>Accounts per id range read from the store when the read model is not loaded (as the evaluation reads).</summary>
    public const int RangeSize = 2_500;

    public ChurnModelRecord Train()
    {
        var today = clock.Today;
        var (signals, accounts) = Portfolio();
        var sample = ChurnTrainingSample.For(accounts, options);
        var record = ChurnModelFit.Run(ChurnModelFit.Snapshots(sample.Of(signals), today, options), today, clock.Now, options, learner);
        models.Save(record);
        predictions.Reload();
        if (sample.IsWhole) logger.LogInformation("Churn model {Id}: {Verdict}", record.Id, record.Verdict);
        else
            logger.LogInformation("Churn model {Id}: {Verdict} Learned from {Share:0}% of the {Accounts:N0} accounts, chosen by id (Prediction:MaxTrainingAccounts is {Max:N0}).",
                record.Id, record.Verdict, sample.Share * 100, accounts, options.MaxTrainingAccounts);
        return record;
    }

    /// <summary>Trains only when no training is stored or the last one is older than <paramref name="maxAge"/> (start-up).</summary>
    public ChurnModelRecord? TrainIfStale(TimeSpan maxAge)
    {
        if (!options.Enabled) return null;
        if (models.Latest() is { } latest && clock.Now - latest.TrainedAt < maxAge) return null;
        return Train();
    }

    /// <summary>The portfolio to learn from, and about how many accounts it holds (from the store: at most that many).</summary>
    private (IEnumerable<AccountSignals> Signals, int Accounts) Portfolio()
    {
        // Unpacked account by account on the cores that compute them; the snapshot is current as of this read.
        if (view.IsLoaded)
        {
            // One snapshot for both: each read of the view may take a newer one.
            var signals = view.Portfolio.Signals;
            return (signals, signals.Count);
        }
        var ranges = portfolio.CutIntoRanges(RangeSize);
        return (ranges.SelectMany(portfolio.LoadSignalsIn), ranges.Count * RangeSize);
    }
}
