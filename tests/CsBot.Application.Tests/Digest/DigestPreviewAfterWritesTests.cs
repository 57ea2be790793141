using System.Text.Json;
using CsBot.Application.Digest;
using CsBot.Application.Evaluation;
using CsBot.Application.ReadModel;
using CsBot.Application.Tests.Reminders;
using CsBot.Application.Time;
using CsBot.Core.Digest;
using CsBot.Core.Messaging;
using CsBot.Core.Metrics;
using CsBot.Core.Rules;
using CsBot.Core.Scoring;
using CsBot.Core.Signals;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace CsBot.Application.Tests.Digest;

/// <summary>
/// The preview is built from the read model, patched after each write, and keeps what it can from one preview to the
/// next (metric results of a portfolio whose revenue and surveys did not change); the digest the scheduler sends reads
/// the stores afresh. After any write both must still say the same, and say what the write changed.
/// </summary>
public class DigestPreviewAfterWritesTests
{
    private static readonly DateOnly Today = DigestTestPortfolio.Today;
    private readonly InMemoryStores _stores = new();
    private readonly DataVersions _versions = new();
    private readonly RecordingOutbox _outbox = new();
    private readonly FakeTimeProvider _time = new(DigestTestPortfolio.Now);
    private readonly DigestService _service;

    public DigestPreviewAfterWritesTests()
    {
        var data = DigestTestPortfolio.Data();
        _stores.Save(data.Portfolio.ToList());
        _stores.SaveScores(data.Scores.Values.ToList());
        _stores.SaveHistories(DigestTestPortfolio.Histories());
        _stores.Upsert(data.OpenAlerts.ToList());
        _service = Service(new PortfolioView(Portfolio, Scores, Alerts, _versions));
    }

    private ObservedPortfolioStore Portfolio => new(_stores, _versions);
    private ObservedScoreStore Scores => new(_stores, _versions);
    private ObservedAlertStore Alerts => new(_stores, _versions);

    [Fact]
    public void A_usage_batch_a_new_score_and_a_revenue_event_show_in_the_next_preview_as_in_a_digest_read_afresh()
    {
        var before = _service.Preview(null);

        // A usage batch (the other signals passed on as they were), then today's rescoring of one account.
        var c = _stores.LoadSignals("c")!;
        Portfolio.Save([c with { Usage = [new UsageDay(Today.AddDays(-1), 3, 10, 20, 4, 1)] }]);
        var afterUsage = _service.Preview(null);
        Assert.Equal(Json(before), Json(afterUsage));
        Scores.SaveScores([Score("c", 20)]);
        var afterScore = _service.Preview(null);
        Assert.Contains("Account C: 75 -> 20 (-55)", Lines(afterScore, "Biggest health drops")[0]);
        Assert.Equal(Json(Afresh()), Json(afterScore));

        // June's expansion of A withdrawn: NRR for June falls from 103.7%, so a metric kept from before would be wrong.
        var a = _stores.LoadSignals("a")!;
        Portfolio.Save([a with { RevenueEvents = [.. a.RevenueEvents.Where(e => e.Kind != RevenueEventKind.Expansion)] }]);
        var afterRevenue = _service.Preview(null);
        Assert.Contains("103.7%", Lines(afterScore, "Key metrics")[0], StringComparison.Ordinal);
        Assert.DoesNotContain("103.7%", Lines(afterRevenue, "Key metrics")[0], StringComparison.Ordinal);
        Assert.Equal(Json(Afresh()), Json(afterRevenue));
    }

    [Fact]
    public void The_preview_after_writes_is_the_digest_the_scheduler_sends()
    {
        _service.Preview(null);
        Scores.SaveScores([Score("h", 30), Score("d", 95)]);
        var b = _stores.LoadSignals("b")!;
        Portfolio.Save([b with { Surveys = [.. b.Surveys, new SurveyResponse("b-s2", "b", SurveyKind.Nps, 10, new DateOnly(2026, 6, 25))] }]);

        var preview = _service.Preview(null);
        Assert.True(_service.Send("cs-all"));

        Assert.Equal(Json(preview), Json(_outbox.Queued.Single().Message.Message));
        Assert.Contains("Account H: 75 -> 30 (-45)", Lines(preview, "Biggest health drops")[0]);
    }

    /// <summary>A preview from a read model read whole from the stores now.</summary>
    private ChatMessage Afresh() => Service(new PortfolioView(_stores, _stores, _stores, new DataVersions())).Preview(null);

    private DigestService Service(PortfolioView view) =>
        new(view, Portfolio, Scores, Alerts, _outbox, new InMemoryDigestSubscriptions([new DigestSubscription("cs-all", "UTC", null)]),
            new PortfolioScoring(new HealthScorer(new ScoringOptions()), new RuleEvaluator(new RulesOptions(), new MetricsOptions())),
            new DigestBuilder(new ScoringOptions(), new MetricsCalculator(new MetricsOptions(), () => Today)),
            new BusinessClock(_time, TimeZoneInfo.Utc), NullLogger<DigestService>.Instance);

    private static string Json(ChatMessage message) => JsonSerializer.Serialize(message);

    private static string[] Lines(ChatMessage message, string headingStart) =>
        (message.Sections.Single(s => s.Heading?.StartsWith(headingStart, StringComparison.Ordinal) == true).Text ?? "").Split('\n');

    private static HealthScore Score(string id, int score) => new()
    {
        AccountId = id,
        AsOf = Today,
        Score = score,
        Band = new ScoringOptions().BandFor(score),
        Components = [new ComponentScore(HealthComponentKind.UsageTrend, 0, score, 20, 16, $"usage of {id} at {score}")],
    };
}
