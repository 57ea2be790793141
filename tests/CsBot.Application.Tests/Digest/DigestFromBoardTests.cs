using System.Text.Json;
using CsBot.Application.Digest;
using CsBot.Application.Evaluation;
using CsBot.Application.Notifications;
using CsBot.Application.ReadModel;
using CsBot.Application.Time;
using CsBot.Core.Digest;
using CsBot.Core.Messaging;
using CsBot.Core.Metrics;
using CsBot.Core.Ports;
using CsBot.Core.Rules;
using CsBot.Core.Scoring;
using CsBot.DemoData;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace CsBot.Application.Tests.Digest;

/// <summary>
/// The preview takes the day's active accounts, their latest scores and packed histories from the list answers' board
/// by position; the digest the scheduler sends reads the stores and looks every account up. Over a demo portfolio with
/// months of history, open alerts, an account not scored yet and score saves patched into the board, both must be the
/// same digest, for the whole portfolio and for each segment, text and charts.
/// </summary>
public sealed class DigestFromBoardTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 16, 9, 0, 0, TimeSpan.Zero);
    private readonly InMemoryStores _stores = new();
    private readonly DataVersions _versions = new();
    private readonly FakeTimeProvider _time = new(Now);
    private readonly BusinessClock _clock;
    private readonly PortfolioScoring _scoring = new(new HealthScorer(new ScoringOptions()), new RuleEvaluator(new RulesOptions(), new MetricsOptions()));
    private readonly PortfolioView _view;
    private readonly List<OutgoingMessage> _sent = [];

    public DigestFromBoardTests()
    {
        _clock = new BusinessClock(_time, TimeZoneInfo.Utc);
        var demo = DemoPortfolio.Generate(_clock.Today, 240, seed: 7);
        _stores.Save([.. demo]);
        // Histories with a gap every few days, so a week's score sometimes comes from a day or more before it.
        _stores.SaveHistories(demo.ToDictionary(s => s.Account.Id, s => _scoring.Backfill(s, _clock.Today.AddDays(-1), 100)
            .Where((_, i) => i % 5 != 2).ToArray()));
        var notifier = new AlertNotifier(new RecordingOutbox(_sent), _stores, new NotificationPlanner(new AlertingOptions(), TimeZoneInfo.Utc, new NoRecipientTimeZones()),
            new MetricsOptions(), _clock, NullLogger<AlertNotifier>.Instance);
        new RiskEvaluationService(_stores, _stores, _stores, _scoring, notifier, _clock, NullLogger<RiskEvaluationService>.Instance)
            .RunAsync(CancellationToken.None).GetAwaiter().GetResult();
        _view = new PortfolioView(new ObservedPortfolioStore(_stores, _versions), new ObservedScoreStore(_stores, _versions), new ObservedAlertStore(_stores, _versions), _versions);
    }

    private IEnumerable<string?> Segments() => [null, .. _view.Portfolio.Segments];

    [Fact]
    public void The_preview_from_the_board_is_the_digest_read_from_the_stores_for_every_segment()
    {
        // Not scored yet: the evaluation ran before it was saved, so both digests score it for today.
        var newcomer = DemoPortfolio.Generate(_clock.Today, 241, seed: 7)[^1];
        new ObservedPortfolioStore(_stores, _versions).Save([newcomer with { Account = newcomer.Account with { Id = "newcomer", ExternalId = "crm-newcomer" } }]);
        Assert.Null(_stores.GetLatest("newcomer"));

        AssertSameDigests();
        Assert.Contains(_view.Board(_view.Portfolio, _view.Scores, _view.Alerts, _clock.Today).Accounts, a => a.Id == "newcomer");
    }

    [Fact]
    public void Score_saves_patched_into_the_board_show_in_the_preview_as_in_the_digest_read_afresh()
    {
        var service = Service();
        service.Preview(null);
        var builds = _view.BoardBuilds;
        var active = _view.Portfolio.ActiveOn(_clock.Today).Take(40).ToList();
        // Falls and rises today, and a point rewritten a week ago, which moves the week-ago band.
        new ObservedScoreStore(_stores, _versions).SaveScores([.. active.Select((a, i) => Score(a.Id, _clock.Today, (i * 37) % 101))]);
        new ObservedScoreStore(_stores, _versions).SaveScores([.. active.Take(10).Select(a => Score(a.Id, _clock.Today.AddDays(-7), 99))]);

        AssertSameDigests();
        Assert.Equal(builds, _view.BoardBuilds);
        Assert.True(_view.BoardPatches > 0);
    }

    private void AssertSameDigests()
    {
        var service = Service();
        var builder = Builder();
        foreach (var segment in Segments())
        {
            var fromStores = FromStores(segment);
            Assert.Equal(Json(builder.Build(fromStores)), Json(service.Preview(segment)));
            var (bands, drops) = builder.Charts(fromStores);
            var (previewBands, previewDrops) = service.Charts(segment);
            Assert.Equal(JsonSerializer.Serialize(bands), JsonSerializer.Serialize(previewBands));
            Assert.Equal(JsonSerializer.Serialize(drops), JsonSerializer.Serialize(previewDrops));
        }
        Assert.Contains("Health by band", Json(service.Preview(null)), StringComparison.Ordinal);
    }

    /// <summary>What the scheduler's digest is built from: every part read from the stores and looked up per account.</summary>
    private DigestData FromStores(string? segment)
    {
        var signals = _stores.LoadAllSignals().ToList();
        var latest = new Dictionary<string, HealthScore>(_stores.GetAllLatest());
        foreach (var account in signals.Where(s => s.Account.IsActiveOn(_clock.Today) && !latest.ContainsKey(s.Account.Id)))
            latest[account.Account.Id] = _scoring.Score(account, _clock.Today);
        return new DigestData
        {
            Portfolio = signals, Scores = latest, Histories = PackedScoreHistory.All(_stores.GetAllHistories()), OpenAlerts = _stores.GetOpen(),
            Today = _clock.Today, Now = _clock.Now, Segment = segment,
        };
    }

    private DigestService Service() =>
        new(_view, _stores, _stores, _stores, new RecordingOutbox(_sent), new InMemoryDigestSubscriptions([]), _scoring, Builder(), _clock, NullLogger<DigestService>.Instance);

    private static DigestBuilder Builder() => new(new ScoringOptions(), new MetricsCalculator(new MetricsOptions()));

    private static string Json(ChatMessage message) => JsonSerializer.Serialize(message);

    private static HealthScore Score(string id, DateOnly day, int score) => new()
    {
        AccountId = id,
        AsOf = day,
        Score = score,
        Band = new ScoringOptions().BandFor(score),
        Components = [new ComponentScore(HealthComponentKind.UsageTrend, 0, score, 20, 16, $"usage of {id} at {score}")],
    };

    private sealed class RecordingOutbox(List<OutgoingMessage> sent) : IOutbox
    {
        public bool Enqueue(OutgoingMessage message, DateTimeOffset deliverAfter)
        {
            sent.Add(message);
            return true;
        }
    }
}
