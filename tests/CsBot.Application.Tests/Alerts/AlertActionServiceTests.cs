using CsBot.Application.Asking;
using CsBot.Core;
using CsBot.Core.Alerts;
using CsBot.Core.Messaging;
using static CsBot.Application.Tests.Alerts.LifecycleHarness;

namespace CsBot.Application.Tests.Alerts;

public class AlertActionServiceTests
{
    private static readonly Asker DanaOnSlack = new("U1", "Dana Whitfield", "slack", "dana@csbot.example");

    private static (LifecycleHarness Bot, ChatMessage Sent) Notified()
    {
        var bot = new LifecycleHarness(null,
            Account("acc-1", "Initech", Dana, renewal: new DateOnly(2027, 1, 15)),
            Account("acc-2", "Globex", Dana));
        var sent = bot.Evaluate(Hit("acc-1"), Hit("acc-2", "no-login", Severity.Warning, "no login for 15 days"));
        bot.Advance(TimeSpan.FromMinutes(2));
        return (bot, Assert.Single(sent).Outgoing.Message);
    }

    [Fact]
    public void Acknowledge_records_who_when_and_where_and_marks_the_section_in_place()
    {
        var (bot, sent) = Notified();

        var outcome = bot.Actions.Apply(ActionKind.Acknowledge, "acc-1:usage-cliff", DanaOnSlack, sent);

        Assert.True(outcome.Applied);
        Assert.Equal("Acknowledged: Initech (Usage cliff)", outcome.Reply.Title);
        var stored = bot.Alerts.Get("acc-1:usage-cliff")!;
        Assert.Equal(AlertState.Acknowledged, stored.State);
        Assert.Equal(("Dana Whitfield", "slack", Start.AddMinutes(2)), (stored.AcknowledgedBy, stored.AcknowledgedPlatform, stored.AcknowledgedAt!.Value));
        Assert.Contains(stored.History, e => e is { What: "acknowledged", By: "Dana Whitfield <dana@csbot.example>", Platform: "slack" });

        var updated = outcome.UpdatedOriginal!;
        var initech = updated.Sections.Single(s => s.Heading == "Initech: Usage cliff");
        Assert.EndsWith("\nAcknowledged by Dana Whitfield at 2026-11-25 10:02 UTC (slack)", initech.Text);
        Assert.Empty(initech.Actions);
        var globex = updated.Sections.Single(s => s.Heading == "Globex: No login");
        Assert.NotEmpty(globex.Actions);
        Assert.Equal(sent.Title, updated.Title);
    }

    [Fact]
    public void Snoozing_after_acknowledging_on_the_same_message_replaces_the_status_line()
    {
        var (bot, sent) = Notified();
        var acknowledged = bot.Actions.Apply(ActionKind.Acknowledge, "acc-1:usage-cliff", DanaOnSlack, sent).UpdatedOriginal;

        var snoozed = bot.Actions.Apply(ActionKind.Snooze7Days, "acc-1:usage-cliff", DanaOnSlack, acknowledged);

        var section = snoozed.UpdatedOriginal!.Sections.Single(s => s.Heading == "Initech: Usage cliff");
        Assert.DoesNotContain("Acknowledged by", section.Text);
        Assert.EndsWith("Snoozed until 2026-12-02 10:02 UTC by Dana Whitfield (slack)", section.Text);
        Assert.Equal(Start.AddMinutes(2).AddDays(7), bot.Alerts.Get("acc-1:usage-cliff")!.SnoozedUntil);
    }

    [Fact]
    public void Snooze_until_renewal_ends_at_the_start_of_the_renewal_day_and_needs_a_renewal_date()
    {
        var (bot, _) = Notified();

        var withRenewal = bot.Actions.Apply(ActionKind.SnoozeUntilRenewal, "acc-1:usage-cliff", DanaOnSlack);
        var without = bot.Actions.Apply(ActionKind.SnoozeUntilRenewal, "acc-2:no-login", DanaOnSlack);

        Assert.Equal(new DateTimeOffset(2027, 1, 15, 0, 0, 0, TimeSpan.Zero), withRenewal.Alert!.SnoozedUntil);
        Assert.False(without.Applied);
        Assert.Equal("Globex has no upcoming renewal date", without.Reply.Title);
        Assert.Equal(AlertState.Notified, bot.Alerts.Get("acc-2:no-login")!.State);
    }

    [Fact]
    public void Unknown_and_resolved_alerts_get_a_polite_reply_and_change_nothing()
    {
        var (bot, sent) = Notified();
        bot.Advance(TimeSpan.FromHours(1));
        bot.Evaluate(Hit("acc-2", "no-login", Severity.Warning, "no login for 15 days")); // Initech recovered

        var unknown = bot.Actions.Apply(ActionKind.Acknowledge, "acc-404:usage-cliff", DanaOnSlack, sent);
        var resolved = bot.Actions.Apply(ActionKind.Snooze1Day, "acc-1:usage-cliff", DanaOnSlack, sent);

        Assert.False(unknown.Applied);
        Assert.Equal("I couldn't find that alert", unknown.Reply.Title);
        Assert.Same(sent, unknown.UpdatedOriginal);
        Assert.False(resolved.Applied);
        Assert.Equal("Initech (Usage cliff) has already recovered", resolved.Reply.Title);
        Assert.Equal(AlertState.Resolved, bot.Alerts.Get("acc-1:usage-cliff")!.State);
        Assert.Null(bot.Alerts.Get("acc-1:usage-cliff")!.SnoozedUntil);
        Assert.Empty(resolved.UpdatedOriginal!.Sections.Single(s => s.Heading == "Initech: Usage cliff").Actions);
    }

    [Fact]
    public void A_second_acknowledge_says_who_already_did_and_keeps_the_first()
    {
        var (bot, _) = Notified();
        bot.Actions.Apply(ActionKind.Acknowledge, "acc-1:usage-cliff", DanaOnSlack);
        bot.Advance(TimeSpan.FromHours(1));

        var second = bot.Actions.Apply(ActionKind.Acknowledge, "acc-1:usage-cliff", new Asker("29:x", "Elena Novak", "teams"));

        Assert.False(second.Applied);
        Assert.Equal("Acknowledged by Dana Whitfield at 2026-11-25 10:02 UTC (slack)", second.Reply.Sections[0].Text);
        Assert.Single(bot.Alerts.Get("acc-1:usage-cliff")!.History, e => e.What == "acknowledged");
    }

    [Fact]
    public void A_non_alert_action_is_refused_politely()
    {
        var (bot, _) = Notified();

        var outcome = bot.Actions.Apply(ActionKind.Why, "acc-1:usage-cliff", DanaOnSlack);

        Assert.False(outcome.Applied);
        Assert.Contains("acknowledged or snoozed", outcome.Reply.Sections[0].Text);
    }
}
