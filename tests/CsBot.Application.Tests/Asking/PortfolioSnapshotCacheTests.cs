using CsBot.Application.Access;
using CsBot.Application.Alerts;
using CsBot.Application.Asking;
using CsBot.Application.Evaluation;
using CsBot.Application.ReadModel;
using CsBot.Application.Time;
using CsBot.Core.Accounts;
using CsBot.Core.Metrics;
using CsBot.Core.Rules;
using CsBot.Core.Scoring;
using CsBot.Core.Signals;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace CsBot.Application.Tests.Asking;

/// <summary>Metric answers are remembered per portfolio snapshot; a write to the portfolio must give fresh numbers.</summary>
public class PortfolioSnapshotCacheTests
{
    private static readonly DateOnly Today = new(2026, 11, 26);
    private static readonly Person Dana = new("Dana Whitfield", "dana@csbot.example");

    private readonly InMemoryStores _stores = new();
    private readonly DataVersions _versions = new();
    private readonly ObservedPortfolioStore _portfolio;
    private readonly AskService _ask;

    public PortfolioSnapshotCacheTests()
    {
        _portfolio = new ObservedPortfolioStore(_stores, _versions);
        _portfolio.Save([Customer("a", "Alpha Co", 10_000m), Customer("b", "Beta Co", 10_000m)]);
        var view = new PortfolioView(_portfolio, new ObservedScoreStore(_stores, _versions), new ObservedAlertStore(_stores, _versions), _versions);
        var clock = new BusinessClock(new FakeTimeProvider(new DateTimeOffset(2026, 11, 26, 10, 0, 0, TimeSpan.Zero)), TimeZoneInfo.Utc);
        var scoring = new PortfolioScoring(new HealthScorer(new ScoringOptions()), new RuleEvaluator(new RulesOptions(), new MetricsOptions()));
        _ask = new AskService(view, scoring, new MetricsCalculator(new MetricsOptions()), new AccessPolicy(new AccessOptions()), clock, NullLogger<AskService>.Instance,
            NSubstitute.Substitute.For<IAlertActions>(), new Digest.InMemoryDigestSubscriptions([]), new InMemoryConversationContexts().Memory());
    }

    [Fact]
    public void A_metric_asked_again_after_the_portfolio_changes_reflects_the_change()
    {
        Assert.Equal("NRR last quarter: 100.0%", _ask.Ask("what was NRR last quarter?", Asker.Local()).Title);

        // Beta churns in Q3: NRR = (20,000 - 10,000) / 20,000 = 50.0%.
        _portfolio.Save([Customer("b", "Beta Co", 0m, new RevenueEvent("b-churn", "b", RevenueEventKind.Churn, -10_000m, new(2026, 8, 10)))]);

        Assert.Equal("NRR last quarter: 50.0%", _ask.Ask("what was NRR last quarter?", Asker.Local()).Title);
    }

    [Fact]
    public void The_same_metric_question_on_an_unchanged_portfolio_is_worked_out_once()
    {
        var snapshot = new PortfolioSnapshot([.. _stores.LoadAllSignals()]);
        var calculator = new MetricsCalculator(new MetricsOptions());
        var q3 = new DateRange(new(2026, 7, 1), new(2026, 9, 30));

        var first = snapshot.Metric(calculator, MetricKind.NetRevenueRetention, q3, null);

        Assert.Same(first, snapshot.Metric(calculator, MetricKind.NetRevenueRetention, q3, null));
        Assert.NotSame(first, snapshot.Metric(calculator, MetricKind.NetRevenueRetention, q3, "SMB"));
        Assert.Equal(first.Value, calculator.Compute(MetricKind.NetRevenueRetention, snapshot.Signals, q3).Value);
    }

    private static AccountSignals Customer(string id, string name, decimal mrr, params RevenueEvent[] more) => new()
    {
        Account = new Account
        {
            Id = id, ExternalId = "CRM-" + id, Name = name, Segment = "SMB", Owner = Dana, Mrr = mrr,
            StartDate = new(2025, 1, 1), RenewalDate = Today.AddDays(100),
        },
        RevenueEvents = [new RevenueEvent($"{id}-new", id, RevenueEventKind.New, 10_000m, new(2025, 1, 1)), .. more],
    };
}
