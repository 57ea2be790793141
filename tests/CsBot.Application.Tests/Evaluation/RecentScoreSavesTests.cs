using CsBot.Application.Evaluation;
using CsBot.Application.Time;
using CsBot.Core.Ports;
using CsBot.Core.Scoring;
using CsBot.DemoData;
using Microsoft.Extensions.Time.Testing;

namespace CsBot.Application.Tests.Evaluation;

/// <summary>
/// The rescoring of the few accounts an ingestion changed saves their scores as recent, which a store may append where
/// a small write costs least; a run over the portfolio saves every score whole, which takes them into the accounts' records.
/// </summary>
public sealed class RecentScoreSavesTests
{
    private static readonly DateTimeOffset Run = new(2026, 11, 30, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_rescoring_saves_as_recent_and_a_run_over_the_portfolio_saves_whole()
    {
        var stores = new InMemoryStores();
        var saves = new SaveKinds(stores);
        var clock = new BusinessClock(new FakeTimeProvider(Run), TimeZoneInfo.Utc);
        var evaluation = Evaluations.Over(stores, saves, stores, new NoOutbox(), clock);
        var demo = DemoPortfolio.Generate(clock.Today, 30);
        stores.Save([.. demo]);

        await evaluation.RunAsync(CancellationToken.None);
        Assert.Equal(0, saves.Recent);
        Assert.True(saves.Whole >= 20, $"{saves.Whole} scores saved whole");

        var (whole, changed) = (saves.Whole, demo.Take(3).Select(s => s.Account.Id).ToArray());
        await evaluation.RunForAccountsAsync(changed, CancellationToken.None);

        Assert.Equal(whole, saves.Whole);
        Assert.Equal(changed.Count(id => demo.Single(s => s.Account.Id == id).Account.IsActiveOn(clock.Today)), saves.Recent);
    }

    private sealed class SaveKinds(IScoreStore inner) : IScoreStore
    {
        public int Whole { get; private set; }
        public int Recent { get; private set; }
        public int SaveScores(IReadOnlyCollection<HealthScore> scores)
        {
            Whole += scores.Count;
            return inner.SaveScores(scores);
        }
        public int SaveRecentScores(IReadOnlyCollection<HealthScore> scores)
        {
            Recent += scores.Count;
            return inner.SaveScores(scores);
        }
        public void SaveHistories(IReadOnlyDictionary<string, ScorePoint[]> histories) => inner.SaveHistories(histories);
        public HealthScore? GetLatest(string accountId) => inner.GetLatest(accountId);
        public IReadOnlyDictionary<string, HealthScore> GetAllLatest() => inner.GetAllLatest();
        public ScorePoint[] GetHistory(string accountId) => inner.GetHistory(accountId);
        public IReadOnlyDictionary<string, ScorePoint[]> GetAllHistories() => inner.GetAllHistories();
        public IReadOnlyDictionary<string, ScorePoint[]> GetHistories(IReadOnlyCollection<string> accountIds) => inner.GetHistories(accountIds);
    }

    private sealed class NoOutbox : IOutbox
    {
        public bool Enqueue(CsBot.Core.Messaging.OutgoingMessage message, DateTimeOffset deliverAfter) => true;
    }
}
