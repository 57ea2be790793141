using System.Net.Http.Json;
using System.Text.Json;
using CsBot.Application.ReadModel;
using CsBot.Core.Ports;
using CsBot.Core.Scoring;
using CsBot.Scheduling;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace CsBot.Host.Tests;

/// <summary>
/// At start-up the read model's warm-up comes first: the start-up evaluation waits for it, so the first question's
/// read gets the cores, and still runs when the warm-up fails.
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
    public async Task The_start_up_evaluation_saves_scores_only_after_the_read_model_warm_up_finished()
    {
        var stores = new WarmUpGate(failWarmUp: false);
        using var host = new CsBotHost(EvaluatingAtStart(), stores.Wrap);
        try
        {
            var chat = host.CreateClient();
            // The warm-up reads every score history (nothing else does at start-up) and is held there.
            Assert.True(await stores.WarmUpEntered.Task.WaitAsync(Eventually.DefaultTimeout).ContinueWith(t => t.IsCompletedSuccessfully), "the warm-up never read the score histories");
            var scheduler = await host.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
            // The one-off trigger is executing once it has fired (and gone once its run is over): the evaluation is then running.
            await Eventually.Until<TriggerState>(async () => await scheduler.GetTriggerState(CsBotSchedule.RiskEvaluationStartup), state => state is TriggerState.Executing or TriggerState.Complete or TriggerState.None,
                "the start-up evaluation to fire", state => $"{state}, scheduler {scheduler.Status}");
            Assert.False(stores.ScoresSaved.Task.IsCompleted, "the evaluation saved scores while the warm-up was still reading");

            stores.Release.Set();
            Assert.True(await stores.ScoresSaved.Task.WaitAsync(Eventually.DefaultTimeout), "the evaluation saved scores before the warm-up had finished");
            var body = await (await chat.PostAsJsonAsync("/api/local/ask", new { text = "how is hooli doing", session = "start" })).Content.ReadFromJsonAsync<JsonElement>();
            Assert.StartsWith("Hooli: health", body.GetProperty("title").GetString());
        }
        finally
        {
            stores.Release.Set();
        }
    }

    [Fact]
    public async Task The_start_up_evaluation_still_runs_when_the_read_model_warm_up_fails()
    {
        var stores = new WarmUpGate(failWarmUp: true);
        using var host = new CsBotHost(EvaluatingAtStart(), stores.Wrap);
        _ = host.CreateClient();

        Assert.True(await stores.ScoresSaved.Task.WaitAsync(Eventually.DefaultTimeout), "the evaluation saved scores before the warm-up had finished");
        Assert.True(host.Services.GetRequiredService<ReadModelWarmth>().IsFinished);
    }

    /// <summary>
    /// Around the host's score store: holds (or fails) the first read of every score history, which at start-up only
    /// the read model's warm-up makes, and records whether the warm-up had finished when scores were first saved.
    /// </summary>
    private sealed class WarmUpGate(bool failWarmUp)
    {
        public bool FailWarmUp { get; } = failWarmUp;
        public TaskCompletionSource WarmUpEntered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public ManualResetEventSlim Release { get; } = new();
        /// <summary>Set at the first score save, to whether the warm-up had finished by then.</summary>
        public TaskCompletionSource<bool> ScoresSaved { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _historyReads;

        public void Wrap(IServiceCollection services)
        {
            var registered = services.Last(d => d.ServiceType == typeof(IScoreStore));
            services.Remove(registered);
            services.AddSingleton<IScoreStore>(sp => new Gated(Resolve(sp, registered), this, sp.GetRequiredService<ReadModelWarmth>()));
        }

        private static IScoreStore Resolve(IServiceProvider sp, ServiceDescriptor registered) =>
            (IScoreStore)(registered.ImplementationInstance ?? registered.ImplementationFactory?.Invoke(sp) ?? ActivatorUtilities.CreateInstance(sp, registered.ImplementationType!));

        private sealed class Gated(IScoreStore inner, WarmUpGate gate, ReadModelWarmth warmth) : IScoreStore
        {
            public IReadOnlyDictionary<string, ScorePoint[]> GetAllHistories()
            {
                if (Interlocked.Increment(ref gate._historyReads) == 1)
                {
                    gate.WarmUpEntered.TrySetResult();
                    if (gate.FailWarmUp) throw new InvalidOperationException("score histories unreadable");
                    gate.Release.Wait();
                }
                return inner.GetAllHistories();
            }

            public int SaveScores(IReadOnlyCollection<HealthScore> scores)
            {
                gate.ScoresSaved.TrySetResult(warmth.IsFinished);
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
