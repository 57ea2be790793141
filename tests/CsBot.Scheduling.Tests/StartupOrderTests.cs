using CsBot.Application.ReadModel;
using Microsoft.Extensions.Logging.Abstractions;

namespace CsBot.Scheduling.Tests;

/// <summary>The churn model's start-up training comes after the read model's warm-up and the first evaluation.</summary>
public sealed class StartupOrderTests
{
    [Fact]
    public async Task The_training_waits_for_the_warm_up_and_the_first_evaluation()
    {
        var warmth = new ReadModelWarmth();
        var order = new StartupOrder(warmth, new SchedulingOptions { EvaluateAtStartup = true }, NullLogger<StartupOrder>.Instance);

        var training = order.BeforeTrainingAsync(CancellationToken.None);
        var evaluation = order.BeforeEvaluationAsync(CancellationToken.None);
        Assert.False(evaluation.IsCompleted);
        warmth.Finished();
        await evaluation.WaitAsync(TimeSpan.FromSeconds(60));
        Assert.False(training.IsCompleted, "the training went ahead before the first evaluation finished");

        order.EvaluationFinished();
        await training.WaitAsync(TimeSpan.FromSeconds(60));
    }

    [Fact]
    public async Task Without_an_evaluation_at_start_up_the_training_waits_only_for_the_warm_up()
    {
        var warmth = new ReadModelWarmth();
        var order = new StartupOrder(warmth, new SchedulingOptions { EvaluateAtStartup = false }, NullLogger<StartupOrder>.Instance);

        var training = order.BeforeTrainingAsync(CancellationToken.None);
        Assert.False(training.IsCompleted);
        warmth.Finished();
        await training.WaitAsync(TimeSpan.FromSeconds(60));
    }
}
