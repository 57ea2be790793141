using CsBot.Application.ReadModel;
using CsBot.Core.Ports;
using CsBot.Core.Scoring;
using CsBot.Scheduling;
using Microsoft.Extensions.DependencyInjection;

namespace CsBot.Host.Tests;

/// <summary>
/// At start-up the read model's warm-up comes first and the start-up evaluation waits for it (<see cref="StartupOrder"/>);
/// a warm-up that fails must not stop the evaluation.
/// </summary>
public sealed class StartupOrderHostTests
{
    private static Dictionary<string, string?> EvaluatingAtStart() => new()
    {
        ["Demo:AccountCount"] = "40",
        ["Scheduling:EvaluateAtStartup"] = "true",
        ["Reminders:RunAtStartup"] = "false",
    };

    [Fact]
    public async Task The_start_up_evaluation_still_runs_when_the_read_model_warm_up_fails()
    {
        var stores = new FailingWarmUp();
        using var host = new CsBotHost(EvaluatingAtStart(), stores.Wrap);
        _ = host.CreateClient();

        Assert.True(await stores.ScoresSaved.Task.WaitAsync(Eventually.DefaultTimeout), "the evaluation saved scores before the failed warm-up was marked over");
        Assert.True(host.Services.GetRequiredService<ReadModelWarmth>().IsFinished);
    }

    /// <summary>
    /// Around the host's score store: fails the first read of every score history, which at start-up only the read
    /// model's warm-up makes, and records whether the warm-up was over when scores were first saved.
    /// </summary>
    private sealed class FailingWarmUp
    {
        /// <summary>Set at the first score save, to whether the warm-up had finished by then.</summary>
        public TaskCompletionSource<bool> ScoresSaved { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _historyReads;

        public void Wrap(IServiceCollection services)
        {
            var registered = services.Last(d => d.ServiceType == typeof(IScoreStore));
            services.Remove(registered);
            services.AddSingleton<IScoreStore>(sp => new Failing(Resolve(sp, registered), this, sp.GetRequiredService<ReadModelWarmth>()));
        }

        private static IScoreStore Resolve(IServiceProvider sp, ServiceDescriptor registered) =>
            (IScoreStore)(registered.ImplementationInstance ?? registered.ImplementationFactory?.Invoke(sp) ?? ActivatorUtilities.CreateInstance(sp, registered.ImplementationType!));

        private sealed class Failing(IScoreStore inner, FailingWarmUp owner, ReadModelWarmth warmth) : IScoreStore
        {
            public IReadOnlyDictionary<string, ScorePoint[]> GetAllHistories() =>
                Interlocked.Increment(ref owner._historyReads) == 1 ? throw new InvalidOperationException("score histories unreadable") : inner.GetAllHistories();

            public int SaveScores(IReadOnlyCollection<HealthScore> scores)
            {
                owner.ScoresSaved.TrySetResult(warmth.IsFinished);
                return inner.SaveScores(scores);
            }

            public void SaveHistories(IReadOnlyDictionary<string, ScorePoint[]> histories) => inner.SaveHistories(histories);
            public HealthScore? GetLatest(string accountId) => inner.GetLatest(accountId);
            public IReadOnlyDictionary<string, HealthScore> GetAllLatest() => inner.GetAllLatest();
            public ScorePoint[] GetHistory(string accountId) => inner.GetHistory(accountId);
            public IReadOnlyDictionary<string, ScorePoint[]> GetHistories(IReadOnlyCollection<string> accountIds) => inner.GetHistories(accountIds);
        }
    }
}
