using CsBot.Application.Access;
using CsBot.Application.Alerts;
using CsBot.Application.Asking;
using CsBot.Application.Notifications;
using CsBot.Application.Nudges;
using CsBot.Application.ReadModel;
using CsBot.Application.Time;
using CsBot.Core;
using CsBot.Core.Alerts;
using CsBot.Core.Messaging;
using CsBot.Core.Metrics;
using CsBot.Core.Ports;
using CsBot.Core.Signals;
using Microsoft.Extensions.Logging.Abstractions;
using NSubstitute;

namespace CsBot.Application.Tests.Alerts;

/// <summary>Nudges on a fake clock: whoever acknowledged an alert that keeps firing is reminded once per interval, and can close it with "Handled".</summary>
public sealed class AlertNudgesTests
{
    private readonly LifecycleHarness _h = new();
    private readonly AlertNudges _nudges;
    private readonly AlertNotifier _notifier;

    public AlertNudgesTests()
    {
        var portfolio = Substitute.For<IPortfolioStore>();
        portfolio.GetAccount(Arg.Any<string>()).Returns(call => _h.Accounts.GetValueOrDefault(call.Arg<string>()));
        portfolio.LoadAllSignals().Returns(_ => _h.Accounts.Values.Select(a => new AccountSignals { Account = a }).ToList());
        var view = new PortfolioView(portfolio, Substitute.For<IScoreStore>(), _h.Alerts, new DataVersions());
        _nudges = new AlertNudges(_h.Alerts, _h.Outbox, portfolio, view, _h.Options.WithoutQuietHours(), new BusinessClock(_h.Time, TimeZoneInfo.Utc),
            new NoRecipientTimeZones(), NullLogger<AlertNudges>.Instance);
        // The notifier as the host has it: it records which message announced each alert, so a reminder can reply under it.
        _notifier = new AlertNotifier(_h.Outbox, _h.Alerts, new NotificationPlanner(_h.Options, TimeZoneInfo.Utc, new NoRecipientTimeZones()), new MetricsOptions(),
            new BusinessClock(_h.Time, TimeZoneInfo.Utc), NullLogger<AlertNotifier>.Instance, new AlertThreads(_h.Options));
    }

    private void Evaluate(params CsBot.Core.Rules.RuleHit[] hits)
    {
        var changes = AlertReconciler.Reconcile(_h.Alerts.GetOpen(), hits, _h.Accounts.Keys.ToHashSet(), _h.Time.GetUtcNow());
        _h.Alerts.Upsert(changes.All);
        _notifier.NotifyAsync(changes, _h.Accounts, _ => null, CancellationToken.None).GetAwaiter().GetResult();
    }

    private static Asker Dana => new("U-DANA", LifecycleHarness.Dana.Name, "slack", LifecycleHarness.Dana.Email);

    [Fact]
    public void An_acknowledged_alert_still_firing_reminds_whoever_acknowledged_it_once_per_interval_with_handled_snooze_and_hand_over()
    {
        Evaluate(LifecycleHarness.Hit("acc-1"));
        Assert.True(_h.Actions.Apply(ActionKind.Acknowledge, "acc-1:usage-cliff", Dana).Applied);

        _h.Advance(TimeSpan.FromHours(71));
        Assert.Equal(0, _nudges.Run().Reminders);

        _h.Advance(TimeSpan.FromHours(1));
        Assert.Equal(1, _nudges.Run().Reminders);
        var reminder = _h.Outbox.Messages[^1].Outgoing;
        Assert.Equal(LifecycleHarness.Dana.Email, reminder.Recipient.Key);
        Assert.Equal(new MessageLink(MessageLinkKind.Reply, _h.Outbox.Messages[0].Outgoing.IdempotencyKey), reminder.Link);
        var buttons = reminder.Message.Sections.SelectMany(s => s.Actions).ToList();
        Assert.Equal([ActionKind.Handled, ActionKind.Snooze7Days, ActionKind.HandOver], buttons.Select(b => b.Kind).Distinct());
        Assert.Contains(buttons, b => b.Kind == ActionKind.HandOver && b.Value == $"acc-1:usage-cliff|{LifecycleHarness.Priya.Email}");

        _h.Advance(TimeSpan.FromHours(71));
        Assert.Equal(0, _nudges.Run().Reminders);
        _h.Advance(TimeSpan.FromHours(1));
        Assert.Equal(1, _nudges.Run().Reminders);
        Assert.Equal(2, _h.Alerts.Get("acc-1:usage-cliff")!.History.Count(e => e.What.StartsWith(AlertNudges.Nudged, StringComparison.Ordinal)));
    }

    [Fact]
    public void Handled_closes_the_alert_with_a_note_in_its_history_and_it_is_not_reminded_again()
    {
        Evaluate(LifecycleHarness.Hit("acc-1"));
        _h.Actions.Apply(ActionKind.Acknowledge, "acc-1:usage-cliff", Dana);
        _h.Advance(TimeSpan.FromHours(72));
        _nudges.Run();

        var outcome = _h.Actions.Apply(ActionKind.Handled, "acc-1:usage-cliff", Dana);

        Assert.True(outcome.Applied);
        var alert = _h.Alerts.Get("acc-1:usage-cliff")!;
        Assert.Equal(AlertState.Resolved, alert.State);
        Assert.Contains(alert.History, e => e.What.StartsWith("handled", StringComparison.Ordinal) && e.By == $"{LifecycleHarness.Dana.Name} <{LifecycleHarness.Dana.Email}>" && e.Platform == "slack");
        Assert.Equal(["Handled by Dana Whitfield at " + Core.Formatting.Format.Instant(_h.Time.GetUtcNow()) + " (slack): closed by hand."], AlertStatusLines.For(alert));
        _h.Advance(TimeSpan.FromHours(100));
        Assert.Equal(0, _nudges.Run().Reminders);
    }

    [Fact]
    public void Hand_over_moves_the_reminders_to_the_other_csm_and_someone_else_cannot_press_handled()
    {
        // Other CSMs' books closed: only the owner, managers and whoever was handed the alert may act on it.
        _h.Access.RestrictOtherBooks = true;
        Evaluate(LifecycleHarness.Hit("acc-1"));
        _h.Actions.Apply(ActionKind.Acknowledge, "acc-1:usage-cliff", Dana);
        Assert.True(_h.Actions.Apply(ActionKind.HandOver, $"acc-1:usage-cliff|{LifecycleHarness.Priya.Email}", Dana).Applied);

        _h.Advance(TimeSpan.FromHours(72));
        _nudges.Run();
        Assert.Equal(LifecycleHarness.Priya.Email, _h.Outbox.Messages[^1].Outgoing.Recipient.Key);

        var stranger = new Asker("U-X", "Sam Stranger", "teams", "sam@csbot.example");
        Assert.False(_h.Actions.Apply(ActionKind.Handled, "acc-1:usage-cliff", stranger).Applied);
        var priya = new Asker("U-PRIYA", LifecycleHarness.Priya.Name, "teams", LifecycleHarness.Priya.Email);
        Assert.True(_h.Actions.Apply(ActionKind.Handled, "acc-1:usage-cliff", priya).Applied);
    }

    [Fact]
    public void A_csm_with_high_alerts_waiting_a_working_day_gets_one_morning_summary()
    {
        Evaluate(LifecycleHarness.Hit("acc-1", severity: Severity.High), LifecycleHarness.Hit("acc-2", severity: Severity.High));
        // Start is Wednesday 10:00 UTC; the next morning at 10:00 they have waited a day.
        _h.Advance(TimeSpan.FromDays(1));
        Assert.Equal(1, _nudges.Run().MorningSummaries);
        Assert.Equal(0, _nudges.Run().MorningSummaries);
        var summary = _h.Outbox.Messages[^1].Outgoing;
        Assert.Equal(LifecycleHarness.Dana.Email, summary.Recipient.Key);
        Assert.Equal(2, summary.Message.Sections.Count);

        _h.Advance(TimeSpan.FromHours(4));
        Assert.Equal(0, _nudges.Run().MorningSummaries);
    }
}
