using CsBot.Application.ReadModel;
using CsBot.Application.Digest;
using CsBot.Application.Evaluation;
using CsBot.Application.Tests.Reminders;
using CsBot.Application.Time;
using CsBot.Core.Digest;
using CsBot.Core.Messaging;
using CsBot.Core.Metrics;
using CsBot.Core.Ports;
using CsBot.Core.Rules;
using CsBot.Core.Scoring;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using NSubstitute;

namespace CsBot.Application.Tests.Digest;

public class DigestServiceTests
{
    // Sunday 2026-07-19 23:30 UTC is already Monday 2026-07-20 (ISO week 30) in Berlin.
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 7, 19, 23, 30, 0, TimeSpan.Zero));
    private readonly RecordingOutbox _outbox = new();
    private readonly DigestService _service;

    public DigestServiceTests()
    {
        var data = DigestTestPortfolio.Data();
        var portfolio = Substitute.For<IPortfolioStore>();
        portfolio.LoadAllSignals().Returns(_ => data.Portfolio);
        portfolio.GetAccounts().Returns(_ => [.. data.Portfolio.Select(s => s.Account)]);
        var scores = Substitute.For<IScoreStore>();
        scores.GetAllLatest().Returns(data.Scores);
        scores.GetAllHistories().Returns(DigestTestPortfolio.Histories());
        var alerts = Substitute.For<IAlertStore>();
        alerts.GetOpen().Returns(data.OpenAlerts);
        var subscriptions = new InMemoryDigestSubscriptions([new DigestSubscription("cs-enterprise", "Europe/Berlin", "Enterprise")]);
        _service = new DigestService(new PortfolioView(portfolio, scores, alerts, new DataVersions()), portfolio, scores, alerts, _outbox, subscriptions,
            new PortfolioScoring(new HealthScorer(new ScoringOptions()), new RuleEvaluator(new RulesOptions(), new MetricsOptions())),
            new DigestBuilder(new ScoringOptions(), new MetricsCalculator(new MetricsOptions())),
            new BusinessClock(_time, TimeZoneInfo.Utc), NullLogger<DigestService>.Instance);
    }

    [Fact]
    public void The_digest_goes_to_the_channel_once_per_iso_week_of_the_channel_zone()
    {
        Assert.True(_service.Send("#CS-Enterprise"));
        _time.Advance(TimeSpan.FromDays(3));
        Assert.False(_service.Send("cs-enterprise"));
        _time.Advance(TimeSpan.FromDays(4));
        Assert.True(_service.Send("cs-enterprise"));

        Assert.Equal(["digest:cs-enterprise:2026-W30", "digest:cs-enterprise:2026-W31"], _outbox.Queued.Select(q => q.Message.IdempotencyKey));
        var first = _outbox.Queued[0].Message;
        Assert.Equal(Recipient.Channel("cs-enterprise"), first.Recipient);
        Assert.Equal("Weekly health digest 2026-W30 (Enterprise)", first.Message.Title);
    }

    [Fact]
    public void An_unsubscribed_channel_gets_nothing()
    {
        Assert.False(_service.Send("random"));
        Assert.Empty(_outbox.Queued);
    }
}
