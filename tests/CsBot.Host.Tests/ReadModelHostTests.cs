using System.Net.Http.Json;
using System.Text.Json;
using CsBot.Core.Ports;
using CsBot.Core.Scoring;
using CsBot.Host.Tests.Ingestion;
using Microsoft.Extensions.DependencyInjection;

namespace CsBot.Host.Tests;

/// <summary>
/// The running host answers from its read model: a list question right after an ingestion shows the new data, and
/// questions are answered while the first evaluation is still running.
/// </summary>
public sealed class ReadModelHostTests
{
    private static async Task<string> Ask(HttpClient client, string text)
    {
        var response = await client.PostAsJsonAsync("/api/local/ask", new { text, session = "read-model" });
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return body.GetProperty("title").GetString() + "\n" + body.GetRawText();
    }

    [Fact]
    public async Task A_list_question_after_an_ingestion_shows_what_was_ingested()
    {
        using var host = ApiHost.Create();
        var api = host.Client(ApiHost.WriteKey);
        var chat = host.CreateClient();
        var renewal = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(30).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        await api.PostOk("/api/v1/accounts", new[] { ApiHost.Account("CRM-1", "Acme"), ApiHost.Account("CRM-2", "Initech") });
        // Asked once, so the read model and the day's board exist before the write.
        Assert.DoesNotContain("Initech", await Ask(chat, "renewals in the next 90 days"));

        await api.PostOk("/api/v1/accounts", new[] { new
        {
            externalId = "CRM-2", name = "Initech", segment = "Enterprise", mrr = 5000m, plan = "Business", contractKind = "Annual",
            startDate = "2024-01-15", renewalDate = renewal, owner = new { name = "Dana Whitfield", email = "dana@example.com" },
        } });

        var after = await Ask(chat, "renewals in the next 90 days");
        Assert.Contains("Initech", after);
        Assert.DoesNotContain("Acme", after);
    }

    [Fact]
    public async Task Questions_are_answered_while_the_first_evaluation_is_running()
    {
        var gate = new ScoreSaveGate();
        using var host = new CsBotHost(new Dictionary<string, string?>
        {
            ["Demo:AccountCount"] = "40",
            ["Scheduling:EvaluateAtStartup"] = "true",
            ["Reminders:RunAtStartup"] = "false",
        }, services => gate.Wrap(services));
        try
        {
            var chat = host.CreateClient();
            // The start-up evaluation has scored the portfolio and waits at its first save.
            Assert.True(await gate.Entered.Task.WaitAsync(Eventually.DefaultTimeout).ContinueWith(t => t.IsCompletedSuccessfully), "the evaluation never saved scores");

            Assert.StartsWith("Hooli: health", await Ask(chat, "how is hooli doing"));
            Assert.Contains("at risk", await Ask(chat, "which accounts are at risk?"));
            Assert.False(gate.Released.IsSet);
        }
        finally
        {
            gate.Released.Set();
        }
    }

    /// <summary>Holds the first score save (the evaluation's) until released, around the store the host registered.</summary>
    private sealed class ScoreSaveGate
    {
        public TaskCompletionSource Entered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public ManualResetEventSlim Released { get; } = new();

        public void Wrap(IServiceCollection services)
        {
            var registered = services.Last(d => d.ServiceType == typeof(IScoreStore));
            services.Remove(registered);
            services.AddSingleton<IScoreStore>(sp => new Gated(Resolve(sp, registered), this));
        }

        private static IScoreStore Resolve(IServiceProvider sp, ServiceDescriptor registered) =>
            (IScoreStore)(registered.ImplementationInstance ?? registered.ImplementationFactory?.Invoke(sp) ?? ActivatorUtilities.CreateInstance(sp, registered.ImplementationType!));

        private sealed class Gated(IScoreStore inner, ScoreSaveGate gate) : IScoreStore
        {
            public int SaveScores(IReadOnlyCollection<HealthScore> scores)
            {
                gate.Entered.TrySetResult();
                gate.Released.Wait();
                return inner.SaveScores(scores);
            }

            public void SaveHistories(IReadOnlyDictionary<string, ScorePoint[]> histories) => inner.SaveHistories(histories);
            public HealthScore? GetLatest(string accountId) => inner.GetLatest(accountId);
            public IReadOnlyDictionary<string, HealthScore> GetAllLatest() => inner.GetAllLatest();
            public ScorePoint[] GetHistory(string accountId) => inner.GetHistory(accountId);
            public IReadOnlyDictionary<string, ScorePoint[]> GetAllHistories() => inner.GetAllHistories();
            public IReadOnlyDictionary<string, ScorePoint[]> GetHistories(IReadOnlyCollection<string> accountIds) => inner.GetHistories(accountIds);
        }
    }
}
