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
/// after its warm-up), which reads nothing from the store, or else from the store an id range at a time.
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
        var record = ChurnModelFit.Run(ChurnModelFit.Snapshots(Portfolio(), today, options), today, clock.Now, options, learner);
        models.Save(record);
        predictions.Reload();
        logger.LogInformation("Churn model {Id}: {Verdict}", record.Id, record.Verdict);
        return record;
    }

    /// <summary>Trains only when no training is stored or the last one is older than <paramref name="maxAge"/> (start-up).</summary>
    public ChurnModelRecord? TrainIfStale(TimeSpan maxAge)
    {
        if (!options.Enabled) return null;
        if (models.Latest() is { } latest && clock.Now - latest.TrainedAt < maxAge) return null;
        return Train();
    }

    private IEnumerable<AccountSignals> Portfolio() =>
        // Unpacked account by account on the cores that compute them; the snapshot is current as of this read.
        view.IsLoaded ? view.Portfolio.Signals : portfolio.CutIntoRanges(RangeSize).SelectMany(portfolio.LoadSignalsIn);
}
