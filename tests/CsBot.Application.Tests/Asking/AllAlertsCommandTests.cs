using CsBot.Application.Alerts;
using CsBot.Application.Asking;
using CsBot.Core;
using CsBot.Core.Alerts;
using CsBot.Core.Messaging;
using NSubstitute;

namespace CsBot.Application.Tests.Asking;

/// <summary>
/// "ack every big co alert", "snooze all of big co's alerts for a week" on <see cref="AnswerFixture"/>: Big Co (Dana's) has
/// two open alerts, usage-cliff (High) and renewal-at-risk (Critical); Calm Corp (Marcus's) has none.
/// </summary>
public class AllAlertsCommandTests
{
    private static readonly Asker Dana = new("U_DANA", "Dana Whitfield", "slack", "dana@csbot.example");
    private static readonly Asker Marcus = new("U_MARCUS", "Marcus Oyelaran", "slack", "marcus@csbot.example");
    private static readonly string UsageCliff = Alert.KeyFor("big", "usage-cliff");
    private static readonly string RenewalAtRisk = Alert.KeyFor("big", "renewal-at-risk");

    private readonly AnswerFixture _data = new();

    private ChatMessage Ask(string text, Asker asker) => _data.ServiceWithRealActions().Ask(text, asker);

    private AlertState StateOf(string alertId) => _data.Stores.Get(alertId)!.State;

    [Fact]
    public void Acknowledging_every_alert_of_an_account_acknowledges_each_and_names_the_rules_in_words()
    {
        var answer = Ask("ack every big co alert", Dana);

        Assert.Equal("Acknowledged 2 alerts on Big Co", answer.Title);
        Assert.Equal("Renewal at risk (Critical)\nUsage cliff (High)", answer.Sections.Single().Text);
        Assert.Equal((AlertState.Acknowledged, AlertState.Acknowledged), (StateOf(UsageCliff), StateOf(RenewalAtRisk)));
        Assert.All(new[] { UsageCliff, RenewalAtRisk }, id => Assert.Equal("Dana Whitfield", _data.Stores.Get(id)!.AcknowledgedBy));
    }

    [Fact]
    public void Snoozing_all_of_an_accounts_alerts_snoozes_each_for_the_time_asked()
    {
        var answer = Ask("snooze all of big co's alerts for a week", Dana);

        Assert.Equal("Snoozed 2 alerts on Big Co until 2026-12-03 10:00 UTC", answer.Title);
        Assert.Equal((AlertState.Snoozed, AlertState.Snoozed), (StateOf(UsageCliff), StateOf(RenewalAtRisk)));
    }

    [Fact]
    public void A_csm_restricted_to_their_book_cannot_act_on_all_of_another_csms_alerts()
    {
        _data.Access.RestrictOtherBooks = true;

        var answer = Ask("ack all big co alerts", Marcus);

        Assert.Equal("Accounts owned by Dana Whitfield are visible to their owner and to managers only.", answer.Title);
        Assert.Equal((AlertState.Notified, AlertState.Notified), (StateOf(UsageCliff), StateOf(RenewalAtRisk)));
    }

    [Fact]
    public void An_account_without_open_alerts_is_said_to_have_none()
    {
        Assert.Equal("Calm Corp has no open alerts to acknowledge", Ask("ack all calm corp alerts", Marcus).Title);
        Assert.Equal("Calm Corp has no open alerts to snooze", Ask("snooze every alert for calm corp for 7 days", Marcus).Title);
    }

    [Fact]
    public void Alerts_already_acknowledged_are_counted_apart_and_left_as_they_are()
    {
        Ask("ack Big Co usage-cliff", Dana);

        var again = Ask("ack all of big co's alerts", Dana);
        Assert.Equal("Acknowledged 1 alert on Big Co", again.Title);
        Assert.Equal(["Acknowledged", "Already acknowledged"], again.Sections.Select(s => s.Heading));

        var snooze = Ask("snooze all big co alerts 7 days", Dana);
        Assert.Equal("Big Co's 2 alerts are already acknowledged", snooze.Title);
        Assert.Equal((AlertState.Acknowledged, AlertState.Acknowledged), (StateOf(UsageCliff), StateOf(RenewalAtRisk)));
    }

    [Fact]
    public void When_some_alerts_fail_the_answer_says_which_were_done_and_which_not()
    {
        var done = new ChatMessage { Title = "Acknowledged" };
        var refused = new ChatMessage { Title = "You can't acknowledge that alert", Sections = [new MessageSection { Text = "the store is read-only" }] };
        _data.Actions.Apply(ActionKind.Acknowledge, RenewalAtRisk, Arg.Any<Asker>()).Returns(new AlertActionOutcome(true, done, null, null));
        _data.Actions.Apply(ActionKind.Acknowledge, UsageCliff, Arg.Any<Asker>()).Returns(new AlertActionOutcome(false, refused, null, null));

        var answer = _data.Service().Ask("acknowledge all big co alerts", Dana);

        Assert.Equal("Acknowledged 1 of 2 alerts on Big Co", answer.Title);
        Assert.Equal("Renewal at risk (Critical)", answer.Sections[0].Text);
        Assert.Equal("Not done", answer.Sections[1].Heading);
        Assert.Equal("Usage cliff: the store is read-only", answer.Sections[1].Text);
    }

    [Fact]
    public void An_alert_that_throws_does_not_hide_the_ones_already_done()
    {
        _data.Actions.Apply(ActionKind.Acknowledge, RenewalAtRisk, Arg.Any<Asker>()).Returns(new AlertActionOutcome(true, new ChatMessage { Title = "ok" }, null, null));
        _data.Actions.Apply(ActionKind.Acknowledge, UsageCliff, Arg.Any<Asker>()).Returns(_ => throw new InvalidOperationException("store down"));

        var answer = _data.Service().Ask("ack all big co alerts", Dana);

        Assert.Equal("Acknowledged 1 of 2 alerts on Big Co", answer.Title);
        Assert.Contains("Usage cliff: something went wrong", answer.Sections[1].Text);
    }

    [Fact]
    public void All_alerts_without_an_account_asks_whose()
    {
        var answer = Ask("ack all", Dana);

        Assert.StartsWith("Whose alerts?", answer.Title);
        Assert.Equal((AlertState.Notified, AlertState.Notified), (StateOf(UsageCliff), StateOf(RenewalAtRisk)));
    }

    [Fact]
    public void One_named_alert_still_acts_on_that_alert_only()
    {
        Assert.Equal("Acknowledged: Big Co (Usage cliff)", Ask("ack Big Co usage-cliff", Dana).Title);
        Assert.Equal((AlertState.Acknowledged, AlertState.Notified), (StateOf(UsageCliff), StateOf(RenewalAtRisk)));
    }
}
