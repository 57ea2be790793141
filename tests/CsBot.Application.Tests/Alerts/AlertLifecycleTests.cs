using CsBot.Application.Asking;
using CsBot.Application.Notifications;
using CsBot.Core;
using CsBot.Core.Alerts;
using CsBot.Core.Messaging;
using static CsBot.Application.Tests.Alerts.LifecycleHarness;

namespace CsBot.Application.Tests.Alerts;

public class AlertLifecycleTests
{
    private static readonly Asker DanaOnSlack = new("U1", "Dana Whitfield", "slack", "dana@csbot.example");

    [Fact]
    public void The_same_hit_on_the_next_runs_is_announced_once()
    {
        var bot = new LifecycleHarness();

        var first = bot.Evaluate(Hit("acc-1"));
        bot.Advance(TimeSpan.FromHours(1));
        var second = bot.Evaluate(Hit("acc-1"));
        bot.Advance(TimeSpan.FromDays(3));
        var third = bot.Evaluate(Hit("acc-1"));

        var message = Assert.Single(first);
        Assert.Equal(Dana.Email, message.To);
        Assert.Equal("Initech is at risk", message.Title);
        Assert.Empty(second);
        Assert.Empty(third);
        Assert.Equal(AlertState.Notified, bot.Alerts.Get("acc-1:usage-cliff")!.State);
    }

    [Fact]
    public async Task Re_running_the_same_evaluation_queues_nothing_twice()
    {
        var bot = new LifecycleHarness();
        var changes = AlertReconciler.Reconcile([], [Hit("acc-1"), Hit("acc-3", severity: Severity.High)], bot.Accounts.Keys.ToHashSet(), bot.Time.GetUtcNow());

        // As if the run crashed after queueing but before the alerts were stored, and ran again within the hour.
        var first = await bot.Notifier.NotifyAsync(changes, bot.Accounts, _ => null, CancellationToken.None);
        bot.Advance(TimeSpan.FromMinutes(5));
        var again = await bot.Notifier.NotifyAsync(changes, bot.Accounts, _ => null, CancellationToken.None);

        Assert.Equal(3, first); // Dana, Priya, #cs-midmarket
        Assert.Equal(0, again);
        Assert.Equal(3, bot.Outbox.Messages.Count);
    }

    [Fact]
    public void A_still_firing_alert_repeats_after_its_severitys_interval()
    {
        var options = new AlertingOptions();
        options.RepeatIntervalDays["High"] = 2;
        var bot = new LifecycleHarness(options);

        bot.Evaluate(Hit("acc-1", "no-login", Severity.High), Hit("acc-3", "nps-detractor", Severity.Warning));
        bot.Advance(TimeSpan.FromDays(2) - TimeSpan.FromMinutes(1));
        var justBefore = bot.Evaluate(Hit("acc-1", "no-login", Severity.High), Hit("acc-3", "nps-detractor", Severity.Warning));
        bot.Advance(TimeSpan.FromMinutes(1));
        var highDue = bot.Evaluate(Hit("acc-1", "no-login", Severity.High), Hit("acc-3", "nps-detractor", Severity.Warning));
        bot.Advance(TimeSpan.FromDays(5));
        var warningDue = bot.Evaluate(Hit("acc-1", "no-login", Severity.High), Hit("acc-3", "nps-detractor", Severity.Warning));

        Assert.Empty(justBefore);
        Assert.Equal([Dana.Email, "cs-enterprise"], highDue.Select(m => m.To));
        Assert.Contains("Reminder: still firing since 2026-11-25 10:00 UTC", highDue[0].Outgoing.Message.Sections[0].Text);
        // Day 7: the Warning's 7 days have passed, and the High one is due again 2 days after its day-2 reminder.
        Assert.Equal([Dana.Email, Priya.Email, "cs-enterprise"], warningDue.Select(m => m.To));
        Assert.Contains("Reminder", warningDue[1].Outgoing.Message.Sections.Single().Text);
    }

    [Fact]
    public void A_rise_in_severity_notifies_again_at_once_and_reaches_the_channel()
    {
        var bot = new LifecycleHarness();
        bot.Evaluate(Hit("acc-1", severity: Severity.Warning));
        bot.Advance(TimeSpan.FromHours(1));

        var rose = bot.Evaluate(Hit("acc-1", severity: Severity.High));
        bot.Advance(TimeSpan.FromHours(1));
        var steady = bot.Evaluate(Hit("acc-1", severity: Severity.High));

        Assert.Equal([Dana.Email, "cs-enterprise"], rose.Select(m => m.To));
        Assert.Contains("Severity rose from Warning to High.", rose[0].Outgoing.Message.Sections[0].Text);
        Assert.Empty(steady);
        Assert.Equal(Severity.High, bot.Alerts.Get("acc-1:usage-cliff")!.NotifiedSeverity);
    }

    [Fact]
    public void A_snoozed_alert_is_silent_until_the_snooze_ends_then_notifies_if_still_firing()
    {
        var bot = new LifecycleHarness();
        bot.Evaluate(Hit("acc-1"));
        Assert.True(bot.Actions.Apply(ActionKind.Snooze1Day, "acc-1:usage-cliff", DanaOnSlack).Applied);

        var during = new List<Queued>();
        for (var hour = 1; hour < 24; hour++)
        {
            bot.Advance(TimeSpan.FromHours(1));
            during.AddRange(bot.Evaluate(Hit("acc-1")));
        }
        bot.Advance(TimeSpan.FromHours(1));
        var after = bot.Evaluate(Hit("acc-1"));

        Assert.Empty(during);
        var message = Assert.Single(after);
        Assert.Equal(Dana.Email, message.To);
        Assert.Contains("Snooze ended and it is still firing", message.Outgoing.Message.Sections[0].Text);
        Assert.Equal(AlertState.Notified, bot.Alerts.Get("acc-1:usage-cliff")!.State);
    }

    [Fact]
    public void Acknowledging_stops_repeats_and_escalation_until_it_resolves_and_fires_anew()
    {
        var bot = new LifecycleHarness();
        bot.Evaluate(Hit("acc-1", severity: Severity.Critical));
        bot.Actions.Apply(ActionKind.Acknowledge, "acc-1:usage-cliff", DanaOnSlack);
        Assert.Contains(bot.Alerts.Get("acc-1:usage-cliff")!.History, e => e.What == "acknowledged" && e.Platform == "slack");

        var later = new List<Queued>();
        for (var day = 1; day <= 10; day++)
        {
            bot.Advance(TimeSpan.FromDays(1));
            later.AddRange(bot.Evaluate(Hit("acc-1", severity: Severity.Critical)));
        }
        bot.Advance(TimeSpan.FromDays(1));
        var cleared = bot.Evaluate();
        bot.Advance(TimeSpan.FromDays(1));
        var again = bot.Evaluate(Hit("acc-1", severity: Severity.Critical));

        Assert.Empty(later);
        Assert.All(cleared, m => Assert.StartsWith("Recovered: Initech", m.Title));
        Assert.Equal([Dana.Email, "cs-enterprise"], again.Select(m => m.To));
        Assert.Equal(AlertState.Notified, bot.Alerts.Get("acc-1:usage-cliff")!.State);
    }

    [Fact]
    public void An_unacknowledged_critical_alert_escalates_to_the_manager_once_after_24_hours()
    {
        var bot = new LifecycleHarness();
        bot.Evaluate(Hit("acc-1", "critical-tickets", Severity.Critical, "3 open critical tickets"));
        bot.Advance(TimeSpan.FromHours(23));
        var before = bot.Evaluate(Hit("acc-1", "critical-tickets", Severity.Critical, "3 open critical tickets"));
        bot.Advance(TimeSpan.FromHours(1));
        var due = bot.Evaluate(Hit("acc-1", "critical-tickets", Severity.Critical, "3 open critical tickets"));
        bot.Advance(TimeSpan.FromHours(24));
        var after = bot.Evaluate(Hit("acc-1", "critical-tickets", Severity.Critical, "3 open critical tickets"));

        Assert.Empty(before);
        var escalation = Assert.Single(due);
        Assert.Equal(Elena.Email, escalation.To);
        Assert.Equal(Severity.Critical, escalation.Outgoing.Message.Severity);
        Assert.Equal("Escalation: Initech has a critical alert nobody acknowledged", escalation.Title);
        Assert.Contains("Owner Dana Whitfield was told since 2026-11-25 10:00 UTC", escalation.Outgoing.Message.Sections[0].Text);
        Assert.Equal(bot.Time.GetUtcNow().AddHours(-24), escalation.DeliverAfter);
        Assert.Empty(after);
        Assert.Contains(bot.Alerts.Get("acc-1:critical-tickets")!.NotifiedRecipients, r => r.Key == Elena.Email);
    }

    [Fact]
    public void A_resolved_alert_sends_one_recovered_note_to_everyone_who_was_told()
    {
        var bot = new LifecycleHarness();
        bot.Evaluate(Hit("acc-1", severity: Severity.High), Hit("acc-2", "no-login"));
        bot.Advance(TimeSpan.FromHours(1));

        var cleared = bot.Evaluate(Hit("acc-2", "no-login"));
        bot.Advance(TimeSpan.FromHours(1));
        var next = bot.Evaluate(Hit("acc-2", "no-login"));

        Assert.Equal([Dana.Email, "cs-enterprise"], cleared.Select(m => m.To));
        Assert.All(cleared, m => Assert.Equal("Recovered: Initech (Usage cliff)", m.Title));
        Assert.All(cleared, m => Assert.Empty(m.Outgoing.Message.Sections.SelectMany(s => s.Actions)));
        Assert.Contains("No longer firing (was: active users down 62%", cleared[0].Outgoing.Message.Sections[0].Text);
        Assert.Empty(next);
    }

    [Fact]
    public void One_run_sends_each_csm_one_message_capped_at_ten_alerts_with_and_n_more()
    {
        var accounts = Enumerable.Range(1, 12).Select(i => Account($"acc-{i:00}", $"Account {i:00}", Dana, "SMB")).ToArray();
        var bot = new LifecycleHarness(null, [.. accounts, Account("acc-99", "Hooli", Priya, "SMB")]);

        var queued = bot.Evaluate([.. accounts.Select(a => Hit(a.Id)), Hit("acc-99")]);

        Assert.Equal([Dana.Email, Priya.Email], queued.Select(m => m.To));
        var toDana = queued[0].Outgoing.Message;
        Assert.Equal("12 new churn-risk alerts on 12 accounts", toDana.Title);
        Assert.Equal(10, toDana.Sections.Count);
        Assert.Contains("and 2 more", toDana.Context);
    }

    [Theory]
    [InlineData("Enterprise", Severity.High, "cs-enterprise")]
    [InlineData("mid-market", Severity.Critical, "cs-midmarket")]
    [InlineData("SMB", Severity.High, "cs-alerts")]
    [InlineData("Enterprise", Severity.Warning, null)]
    public void High_and_critical_alerts_also_go_to_the_segments_channel(string segment, Severity severity, string? channel)
    {
        var bot = new LifecycleHarness(null, Account("acc-1", "Initech", Dana, segment));

        var queued = bot.Evaluate(Hit("acc-1", severity: severity));

        Assert.Equal(channel is null ? [Dana.Email] : [Dana.Email, channel], queued.Select(m => m.To));
        if (channel is not null) Assert.Equal(RecipientKind.Channel, queued[1].Outgoing.Recipient.Kind);
    }
}
