using CsBot.Application.Reminders;
using CsBot.Application.Time;
using CsBot.Core.Metrics;
using CsBot.Core;
using CsBot.Core.Accounts;
using CsBot.Core.Alerts;
using CsBot.Core.Messaging;
using CsBot.Core.Ports;
using CsBot.Core.Reminders;
using CsBot.Core.Scoring;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using NSubstitute;

namespace CsBot.Application.Tests.Reminders;

public class RenewalReminderServiceTests
{
    private static readonly DateOnly Renewal = new(2026, 9, 30);

    private sealed class MemoryLedger : IReminderLedger
    {
        public HashSet<ReminderKey> Sent { get; } = [];
        public bool WasSent(ReminderKey key) => Sent.Contains(key);
        public void RecordSent(IReadOnlyCollection<ReminderKey> keys, DateTimeOffset at) => Sent.UnionWith(keys);
    }

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 8, 17, 6, 0, 0, TimeSpan.Zero));
    private readonly RecordingOutbox _outbox = new();
    private readonly MemoryLedger _ledger = new();
    private readonly RenewalReminderService _service;

    public RenewalReminderServiceTests()
    {
        var account = new Account
        {
            Id = "acme",
            ExternalId = "crm-acme",
            Name = "Acme Corp",
            Mrr = 10_000m,
            StartDate = new DateOnly(2024, 10, 1),
            RenewalDate = Renewal,
            AutoRenew = true,
            NoticePeriodDays = 30,
            Owner = new Person("Olivia Owner", "olivia@example.com"),
        };
        var portfolio = Substitute.For<IPortfolioStore>();
        portfolio.GetAccounts().Returns([account]);
        var scores = Substitute.For<IScoreStore>();
        scores.GetAllLatest().Returns(new Dictionary<string, HealthScore>
        {
            ["acme"] = new() { AccountId = "acme", AsOf = new DateOnly(2026, 8, 31), Score = 38, Band = HealthBand.Poor },
        });
        scores.GetAllHistories().Returns(new Dictionary<string, ScorePoint[]>
        {
            ["acme"] = [.. Enumerable.Range(1, 30).Reverse().Select(d => new ScorePoint(new DateOnly(2026, 8, 31).AddDays(-d), 38 + d))],
        });
        var alerts = Substitute.For<IAlertStore>();
        alerts.GetOpen().Returns([new Alert
        {
            Id = "acme:health-critical", AccountId = "acme", RuleId = "health-critical", Severity = Severity.High, State = AlertState.Notified,
            Reason = "health 38 is below 40", FirstFiredAt = _time.GetUtcNow(), LastEvaluatedAt = _time.GetUtcNow(),
        }]);
        _service = new RenewalReminderService(portfolio, scores, alerts, _ledger, _outbox, new BusinessClock(_time, TimeZoneInfo.Utc),
            new RemindersOptions(), new MetricsOptions(), NullLogger<RenewalReminderService>.Instance);
    }

    [Fact]
    public void The_owner_gets_a_direct_message_with_arr_at_stake_health_trend_and_open_alerts()
    {
        // 2026-08-31: the renewal is 30 days away and the notice deadline (2026-08-31) is today, so its reminders are over.
        _time.SetUtcNow(new DateTimeOffset(2026, 8, 31, 6, 0, 0, TimeSpan.Zero));
        Assert.Equal(1, _service.Run());

        var (message, deliverAfter) = Assert.Single(_outbox.Queued);
        Assert.Equal(new Recipient(RecipientKind.User, "olivia@example.com", "Olivia Owner"), message.Recipient);
        Assert.Equal("reminder:acme:2026-09-30:Renewal:30", message.IdempotencyKey);
        Assert.Equal(_time.GetUtcNow(), deliverAfter);
        Assert.Equal("Acme Corp renews in 30 days", message.Message.Title);
        Assert.Equal(Severity.High, message.Message.Severity);
        var fields = message.Message.Sections[0].Fields.ToDictionary(f => f.Label, f => f.Value);
        Assert.Equal("$120k", fields["ARR at stake"]);
        Assert.Equal("38 (Poor)", fields["Health"]);
        Assert.Matches(@"^█[▁▂▃▄▅▆▇█]*▁ \(range 38-68\) -30 in 30 days$", fields["Trend"]);
        Assert.Equal("1", fields["Open alerts"]);
        Assert.Contains("health 38 is below 40", message.Message.Sections[1].Text);
    }

    [Fact]
    public void Running_again_the_same_day_or_the_next_sends_nothing_more()
    {
        _time.SetUtcNow(new DateTimeOffset(2026, 8, 31, 6, 0, 0, TimeSpan.Zero));
        _service.Run();
        _service.Run();
        _time.Advance(TimeSpan.FromDays(1));
        _service.Run();

        Assert.Single(_outbox.Queued);
        Assert.Contains(new ReminderKey("acme", Renewal, ReminderKind.Renewal, 30), _ledger.Sent);
    }

    [Fact]
    public void The_notice_deadline_reminder_says_when_notice_is_due()
    {
        // 2026-08-17: 14 days before the 2026-08-31 notice deadline.
        _service.Run();

        Assert.Equal(["reminder:acme:2026-09-30:Renewal:60", "reminder:acme:2026-09-30:NoticeDeadline:14"], _outbox.Queued.Select(q => q.Message.IdempotencyKey));
        var notice = _outbox.Queued[1].Message.Message;
        Assert.Equal("Acme Corp: notice deadline in 14 days", notice.Title);
        Assert.Equal("The contract auto-renews on 2026-09-30 unless the customer gives notice by 2026-08-31.", notice.Sections[0].Text);
    }
}
