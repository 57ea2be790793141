using CsBot.Application.Access;
using CsBot.Application.Actions;
using CsBot.Application.Alerts;
using CsBot.Application.Asking;
using CsBot.Application.ReadModel;
using CsBot.Application.Tests.Asking;
using CsBot.Core.Alerts;
using CsBot.Core.Messaging;
using Microsoft.Extensions.Logging.Abstractions;
using NSubstitute;

namespace CsBot.Application.Tests.Actions;

/// <summary>Every kind of button, pressed on the five-account portfolio of <see cref="AnswerFixture"/> (Thursday 2026-11-26 10:00 UTC).</summary>
public class ButtonPressHandlerTests
{
    private static readonly Asker Dana = new("U_DANA", "Dana Whitfield", "slack", "dana@csbot.example");
    private static readonly Asker Marcus = new("U_MARCUS", "Marcus Oyelaran", "teams", "marcus@csbot.example");
    private static readonly string UsageCliff = Alert.KeyFor("big", "usage-cliff");

    private readonly AnswerFixture _data = new();

    private ButtonPressHandler Handler(IAlertActions? actions = null)
    {
        return new ButtonPressHandler(_data.Service(), actions ?? _data.AlertActions(),
            new PortfolioView(_data.Stores, _data.Stores, _data.Stores, new DataVersions()), new AccessPolicy(_data.Access), NullLogger<ButtonPressHandler>.Instance);
    }

    private ButtonPressResult Press(ActionKind kind, string value, Asker? asker = null, ChatMessage? original = null) =>
        Handler().Handle(new ButtonPress(kind, value, asker ?? Dana) { Original = original });

    /// <summary>An alert message as it was sent: one section per alert, with its buttons.</summary>
    private static ChatMessage AlertMessage() => new()
    {
        Title = "Big Co needs attention",
        Sections =
        [
            new MessageSection
            {
                Heading = "Big Co: Usage cliff",
                Text = "active users down 62%",
                Actions = [new MessageAction(ActionKind.Acknowledge, "Acknowledge", UsageCliff), new MessageAction(ActionKind.Snooze7Days, "Snooze 7 days", UsageCliff)],
            },
        ],
    };

    [Fact]
    public void Choose_asks_the_question_it_carries_and_answers_the_choice_it_offered()
    {
        var result = Press(ActionKind.Choose, "health of Big Co");

        Assert.StartsWith("Big Co: health 35", result.Reply.Title);
        Assert.Equal("health of Big Co", result.Question);
        Assert.True(result.ReplyAnswersOriginal);
        Assert.Null(result.UpdatedOriginal);
        Assert.False(result.Applied);
    }

    [Fact]
    public void Why_asks_about_the_account_by_its_name_and_is_posted_below_the_original()
    {
        var result = Press(ActionKind.Why, "big");

        Assert.Equal("why is Big Co at risk", result.Question);
        Assert.StartsWith("Why Big Co scores", result.Reply.Title);
        Assert.False(result.ReplyAnswersOriginal);
    }

    [Fact]
    public void Why_is_refused_exactly_as_the_typed_question_is()
    {
        _data.Access.RestrictOtherBooks = true;

        var pressed = Press(ActionKind.Why, "big", Marcus);

        Assert.Equal("Accounts owned by Dana Whitfield are visible to their owner and to managers only.", pressed.Reply.Title);
        Assert.Equal(_data.Service().Ask("why is Big Co at risk", Marcus).Title, pressed.Reply.Title);
    }

    [Fact]
    public void Acknowledge_records_who_pressed_and_gives_back_the_original_marked_without_buttons()
    {
        var result = Press(ActionKind.Acknowledge, UsageCliff, original: AlertMessage());

        Assert.True(result.Applied);
        Assert.Equal("Acknowledged: Big Co (Usage cliff)", result.Reply.Title);
        Assert.Null(result.Question);
        var section = Assert.Single(result.UpdatedOriginal!.Sections);
        Assert.Empty(section.Actions);
        Assert.EndsWith("Acknowledged by Dana Whitfield at 2026-11-26 10:00 UTC (slack)", section.Text);
        var stored = _data.Stores.Get(UsageCliff)!;
        Assert.Equal((AlertState.Acknowledged, "Dana Whitfield"), (stored.State, stored.AcknowledgedBy));
        Assert.Equal(stored, result.Alert);
    }

    [Theory]
    [InlineData(ActionKind.Snooze1Day, "2026-11-27T10:00:00Z")]
    [InlineData(ActionKind.Snooze7Days, "2026-12-03T10:00:00Z")]
    [InlineData(ActionKind.SnoozeUntilRenewal, "2026-12-16T00:00:00Z")]
    public void Each_snooze_button_snoozes_the_alert_until_its_own_time(ActionKind kind, string until)
    {
        var result = Press(kind, UsageCliff, Marcus, AlertMessage());

        Assert.True(result.Applied);
        Assert.StartsWith("Snoozed: Big Co (Usage cliff)", result.Reply.Title);
        var stored = _data.Stores.Get(UsageCliff)!;
        Assert.Equal(AlertState.Snoozed, stored.State);
        Assert.Equal(DateTimeOffset.Parse(until, System.Globalization.CultureInfo.InvariantCulture), stored.SnoozedUntil);
        Assert.Contains("by Marcus Oyelaran (teams)", Assert.Single(result.UpdatedOriginal!.Sections).Text);
    }

    [Fact]
    public void Without_the_original_an_alert_action_still_applies_and_only_replies()
    {
        var result = Press(ActionKind.Snooze1Day, UsageCliff);

        Assert.True(result.Applied);
        Assert.Null(result.UpdatedOriginal);
    }

    [Theory]
    [InlineData((ActionKind)42, "big")]
    [InlineData((ActionKind)(-1), "health of Big Co")]
    [InlineData(ActionKind.Choose, "")]
    [InlineData(ActionKind.Why, "   ")]
    [InlineData(ActionKind.Acknowledge, "")]
    public void A_button_that_is_not_one_of_ours_gets_a_polite_reply_and_changes_nothing(ActionKind kind, string value)
    {
        var before = _data.Stores.GetOpen().ToList();

        var result = Press(kind, value, original: AlertMessage());

        Assert.Equal("That button no longer works", result.Reply.Title);
        Assert.Null(result.UpdatedOriginal);
        Assert.Null(result.Question);
        Assert.False(result.Applied);
        Assert.Equal(before, _data.Stores.GetOpen());
    }

    [Fact]
    public void A_forged_alert_id_or_account_id_is_answered_politely()
    {
        var alert = Press(ActionKind.Acknowledge, "big:no-such-rule", original: AlertMessage());
        var why = Press(ActionKind.Why, "no-such-account");

        Assert.Equal("I couldn't find that alert", alert.Reply.Title);
        Assert.False(alert.Applied);
        Assert.Equal(AlertState.Notified, _data.Stores.Get(UsageCliff)!.State);
        Assert.StartsWith("I couldn't find an account called \"no-such-account\"", why.Reply.Title);
    }

    [Fact]
    public void A_failure_behind_the_button_becomes_an_apology_not_an_exception()
    {
        var broken = Substitute.For<IAlertActions>();
        broken.Apply(default, default!, default!, default).ReturnsForAnyArgs(_ => throw new InvalidOperationException("store is down"));

        var result = Handler(broken).Handle(new ButtonPress(ActionKind.Acknowledge, UsageCliff, Dana));

        Assert.Equal(HelpMessages.Failure().Title, result.Reply.Title);
        Assert.False(result.Applied);
    }
}
