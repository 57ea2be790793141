using CsBot.Application.Evaluation;
using CsBot.Application.Time;
using CsBot.Core.Messaging;
using CsBot.Core.Ports;
using CsBot.Core.Scoring;
using CsBot.DemoData;
using Microsoft.Extensions.Time.Testing;

namespace CsBot.Application.Tests.Evaluation;

/// <summary>
/// A run that starts alerts on much of the portfolio keeps only a bounded number of the scores its messages may show
/// (they were tens of MB held to the run's end at 100k accounts); every alert a message lists still shows its account's
/// health, the others' read back from the store, and only for accounts a message shows.
/// </summary>
public sealed class EvaluationMessageScoresTests
{
    private static readonly DateTimeOffset Run = new(2026, 11, 30, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Every_listed_alert_shows_its_accounts_health_when_the_run_kept_the_score_of_one_account_only()
    {
        var stores = new InMemoryStores();
        var counted = new CountingScores(stores);
        var outbox = new RecordingOutbox();
        var clock = new BusinessClock(new FakeTimeProvider(Run), TimeZoneInfo.Utc);
        var evaluation = Evaluations.Over(stores, counted, stores, outbox, clock, keptScores: 1);
        var demo = DemoPortfolio.Generate(clock.Today, 60);
        stores.Save([.. demo]);

        var summary = await evaluation.RunAsync(CancellationToken.None);

        var listed = outbox.Messages.SelectMany(m => m.Message.Sections).Where(s => s.Account is not null && s.Fields.Any(f => f.Label == "Severity")).ToList();
        var listedAccounts = listed.Select(s => s.Account!.AccountId).Distinct().ToList();
        Assert.True(summary.AlertsStarted > 0);
        Assert.True(listedAccounts.Count > 1, "the messages should list alerts on several accounts");
        foreach (var section in listed)
        {
            var stored = stores.GetLatest(section.Account!.AccountId)!;
            Assert.Equal($"{stored.Score} ({stored.Band})", Assert.Single(section.Fields, f => f.Label == "Health").Value);
        }
        // Read back for the listed accounts but the one kept (if listed), once each, and for no account a message does not show.
        Assert.InRange(counted.LatestRead.Count, listedAccounts.Count - 1, listedAccounts.Count);
        Assert.Equal(counted.LatestRead.Count, counted.LatestRead.Distinct().Count());
        Assert.Subset(listedAccounts.ToHashSet(), counted.LatestRead.ToHashSet());
    }

    private sealed class CountingScores(IScoreStore inner) : IScoreStore
    {
        public List<string> LatestRead { get; } = [];
        public int SaveScores(IReadOnlyCollection<HealthScore> scores) => inner.SaveScores(scores);
        public void SaveHistories(IReadOnlyDictionary<string, ScorePoint[]> histories) => inner.SaveHistories(histories);
        public HealthScore? GetLatest(string accountId)
        {
            LatestRead.Add(accountId);
            return inner.GetLatest(accountId);
        }
        public IReadOnlyDictionary<string, HealthScore> GetAllLatest() => inner.GetAllLatest();
        public ScorePoint[] GetHistory(string accountId) => inner.GetHistory(accountId);
        public IReadOnlyDictionary<string, ScorePoint[]> GetAllHistories() => inner.GetAllHistories();
        public IReadOnlyDictionary<string, ScorePoint[]> GetHistories(IReadOnlyCollection<string> accountIds) => inner.GetHistories(accountIds);
    }

    private sealed class RecordingOutbox : IOutbox
    {
        public List<OutgoingMessage> Messages { get; } = [];
        public bool Enqueue(OutgoingMessage message, DateTimeOffset deliverAfter)
        {
            Messages.Add(message);
            return true;
        }
    }
}
