using CsBot.Application.Time;
using CsBot.Core.Ports;
using CsBot.Core.Prediction;
using CsBot.Core.Signals;
using Microsoft.Extensions.Logging;

namespace CsBot.Application.Prediction;

/// <summary>Trains the churn model on the stored portfolio and stores the result, passed or not (weekly job, <c>model train</c>).</summary>
public sealed class ChurnModelTraining(
    IPortfolioStore portfolio,
    IChurnModelStore models,
    IChurnLearner learner,
    ChurnPredictions predictions,
    ChurnModelOptions options,
    BusinessClock clock,
    ILogger<ChurnModelTraining> logger)
{
    public ChurnModelRecord Train()
    {
        // Held packed and unpacked account by account as the fit walks it: as objects, 100k accounts' signals took 1.7 GB.
        var packed = new PackedSignalsList([.. portfolio.LoadAllSignals().Select(PackedAccountSignals.Of)]);
        var record = ChurnModelFit.Run(packed, clock.Today, clock.Now, options, learner);
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
}
