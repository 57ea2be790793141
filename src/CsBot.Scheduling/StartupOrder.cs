using CsBot.Application.ReadModel;
using Microsoft.Extensions.Logging;

namespace CsBot.Scheduling;

/// <summary>
/// The order of the start-up work that reads the whole portfolio, so questions come first: the read model's warm-up,
/// then the evaluation, then the churn model's training. On two cores the three at once left the first question
/// waiting for minutes at 100k accounts. Each wait has a limit, so a warm-up or an evaluation that hangs only delays
/// what follows. Once the start-up work is done the waits return at once, so later runs are not held.
/// </summary>
public sealed class StartupOrder(ReadModelWarmth warmth, SchedulingOptions options, ILogger<StartupOrder> logger)
{
    /// <summary>Longest the evaluation waits for the warm-up (reading 100k accounts on a loaded machine takes minutes).</summary>
    public static readonly TimeSpan WarmUpLimit = TimeSpan.FromMinutes(10);

    /// <summary>
    /// Longest the training waits for this instance's first evaluation; in a cluster the start-up evaluation may run
    /// on another instance, and then this limit is what the training waits.
    /// </summary>
    public static readonly TimeSpan EvaluationLimit = TimeSpan.FromMinutes(10);

    private readonly TaskCompletionSource _evaluated = Evaluated(options.EvaluateAtStartup);

    /// <summary>Waits for the read model's warm-up before an evaluation.</summary>
    public async Task BeforeEvaluationAsync(CancellationToken cancellationToken)
    {
        if (!await warmth.WaitAsync(WarmUpLimit, cancellationToken))
            logger.LogWarning("The read model's warm-up has not finished after {Minutes} minutes; the evaluation runs anyway", WarmUpLimit.TotalMinutes);
    }

    /// <summary>Marks this instance's first evaluation as over, whether it finished or failed.</summary>
    public void EvaluationFinished() => _evaluated.TrySetResult();

    /// <summary>Waits for the warm-up and, when one runs at start-up, for the first evaluation before a training.</summary>
    public async Task BeforeTrainingAsync(CancellationToken cancellationToken)
    {
        await BeforeEvaluationAsync(cancellationToken);
        try
        {
            await _evaluated.Task.WaitAsync(EvaluationLimit, cancellationToken);
        }
        catch (TimeoutException)
        {
            logger.LogInformation("No evaluation finished on this instance within {Minutes} minutes of the training's start; it trains anyway", EvaluationLimit.TotalMinutes);
        }
    }

    private static TaskCompletionSource Evaluated(bool evaluatesAtStartup)
    {
        var evaluated = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        // Nothing to wait for when no evaluation is scheduled at start-up (the first is an hour away at most).
        if (!evaluatesAtStartup) evaluated.SetResult();
        return evaluated;
    }
}
