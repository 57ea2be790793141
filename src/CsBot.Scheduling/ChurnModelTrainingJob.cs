using CsBot.Application.Observability;
using CsBot.Application.Prediction;
using Microsoft.Extensions.Logging;
using Quartz;

namespace CsBot.Scheduling;

/// <summary>
/// Retrains the churn model (weekly), and once at start-up when no training is stored or the last is over a week old,
/// so a demo has predictions from its first minutes. A training that misses the gate leaves the model in use alone.
/// It waits for the read model's warm-up and the first evaluation (<see cref="StartupOrder"/>): it reads and scores the
/// whole portfolio on every core, and questions and the evaluation come first.
/// </summary>
[DisallowConcurrentExecution]
public sealed class ChurnModelTrainingJob(ChurnModelTraining training, ChurnModelOptions options, StartupOrder order, MemoryAfterBulkWork memory, ILogger<ChurnModelTrainingJob> logger) : IJob
{
    public static readonly JobKey Key = new("churn-model-training", "csbot");

    /// <summary>Job data flag of the start-up trigger: train only when the stored model is missing or stale.</summary>
    public const string OnlyIfStale = "only-if-stale";

    /// <summary>Age of the stored training past which the start-up trigger trains again.</summary>
    public static readonly TimeSpan MaxAgeAtStartup = TimeSpan.FromDays(7);

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        if (!options.Enabled) return;
        try
        {
            await order.BeforeTrainingAsync(cancellationToken);
            if (context.MergedJobDataMap.TryGetBoolean(OnlyIfStale, out var onlyIfStale) && onlyIfStale)
            {
                // Said either way, so an operator (and the memory benchmark) can tell the start-up work is over.
                if (training.TrainIfStale(MaxAgeAtStartup) is null)
                {
                    logger.LogInformation("Churn model training at start-up not needed: the model stored was trained less than {Days} days ago", MaxAgeAtStartup.TotalDays);
                    return;
                }
            }
            else training.Train();
            memory.Return("the churn model's training");
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            logger.LogInformation("Churn model training cancelled by shutdown");
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Churn model training failed; the model in use (if any) stays, and the next scheduled run will try again");
        }
    }
}
