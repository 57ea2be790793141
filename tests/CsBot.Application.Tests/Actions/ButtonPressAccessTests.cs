using CsBot.Application.Access;
using CsBot.Application.Actions;
using CsBot.Application.Asking;
using CsBot.Application.ReadModel;
using CsBot.Application.Tests.Asking;
using CsBot.Core.Alerts;
using CsBot.Core.Messaging;
using Microsoft.Extensions.Logging.Abstractions;

namespace CsBot.Application.Tests.Actions;

/// <summary>
/// Buttons are only values a client sends back, so a press can be forged by hand for any alert or account id. With
/// <c>Access:RestrictOtherBooks</c> on, a forged press on another CSM's alert or account is refused, writes nothing and
/// shows nothing of it. On <see cref="AnswerFixture"/>: Big Co belongs to Dana; Marcus is another CSM; Elena manages both.
/// </summary>
public class ButtonPressAccessTests
{
    private static readonly Asker Dana = new("U_DANA", "Dana Whitfield", "slack", "dana@csbot.example");
    private static readonly Asker Marcus = new("U_MARCUS", "Marcus Oyelaran", "teams", "marcus@csbot.example");
    private static readonly Asker Elena = new("U_ELENA", "Elena Novak", "teams", "elena@csbot.example");
    private static readonly Asker Admin = new("U_ADMIN", "Ada Admin", "slack");
    private static readonly string UsageCliff = Alert.KeyFor("big", "usage-cliff");

    private readonly AnswerFixture _data = new();

    public ButtonPressAccessTests()
    {
        _data.Access.RestrictOtherBooks = true;
        _data.Access.Admins = ["U_ADMIN"];
    }

    private ButtonPressResult Press(ActionKind kind, string value, Asker asker, ChatMessage? original = null) =>
        new ButtonPressHandler(_data.Service(), _data.AlertActions(), new PortfolioView(_data.Stores, _data.Stores, _data.Stores, new DataVersions()),
            new AccessPolicy(_data.Access), NullLogger<ButtonPressHandler>.Instance).Handle(new ButtonPress(kind, value, asker) { Original = original });

    private static ChatMessage AlertMessage() => new()
    {
        Title = "Big Co needs attention",
        Sections = [new MessageSection { Heading = "Big Co: Usage cliff", Text = "active users down 62%", Actions = [new MessageAction(ActionKind.Acknowledge, "Acknowledge", UsageCliff)] }],
    };

    private static string AllText(ChatMessage m) => string.Join("\n", new[] { m.Title, m.FallbackText }.Concat(m.Sections.Select(s => s.Text)).Where(t => t is not null));

    [Theory]
    [InlineData(ActionKind.Acknowledge, "acknowledge")]
    [InlineData(ActionKind.Snooze1Day, "snooze")]
    [InlineData(ActionKind.Snooze7Days, "snooze")]
    [InlineData(ActionKind.SnoozeUntilRenewal, "snooze")]
    public void A_forged_alert_button_from_another_csm_is_refused_and_writes_nothing(ActionKind kind, string verb)
    {
        var before = _data.Stores.Get(UsageCliff);

        var result = Press(kind, UsageCliff, Marcus, AlertMessage());

        Assert.False(result.Applied);
        Assert.Equal($"You can't {verb} that alert", result.Reply.Title);
        Assert.Equal("That alert is on an account owned by Dana Whitfield; only its owner and managers can acknowledge or snooze it.", result.Reply.Sections[0].Text);
        Assert.Null(result.Alert);
        Assert.Null(result.UpdatedOriginal);
        Assert.Equal(before, _data.Stores.Get(UsageCliff));
    }

    [Fact]
    public void A_refusal_tells_nothing_about_the_alert_not_even_who_acknowledged_it()
    {
        Assert.True(Press(ActionKind.Acknowledge, UsageCliff, Dana).Applied);

        var result = Press(ActionKind.Acknowledge, UsageCliff, Marcus);

        Assert.Equal("You can't acknowledge that alert", result.Reply.Title);
        Assert.DoesNotContain("Acknowledged by", AllText(result.Reply));
        Assert.DoesNotContain("62%", AllText(result.Reply));
        Assert.Null(result.Alert);
    }

    [Fact]
    public void A_forged_why_button_is_refused_without_naming_the_account_as_the_askers_question()
    {
        var result = Press(ActionKind.Why, "big", Marcus);

        Assert.Equal("Accounts owned by Dana Whitfield are visible to their owner and to managers only.", result.Reply.Title);
        Assert.Null(result.Question);
        Assert.DoesNotContain("Big Co", AllText(result.Reply));
    }

    [Fact]
    public void A_forged_choice_is_refused_as_the_typed_question_is()
    {
        var result = Press(ActionKind.Choose, "ack Big Co", Marcus);

        Assert.Equal("Accounts owned by Dana Whitfield are visible to their owner and to managers only.", result.Reply.Title);
        Assert.Empty(result.Reply.Actions);
    }

    [Fact]
    public void Managers_and_admins_press_any_alert_button()
    {
        var acknowledged = Press(ActionKind.Acknowledge, UsageCliff, Elena, AlertMessage());
        var snoozed = Press(ActionKind.Snooze1Day, Alert.KeyFor("big", "renewal-at-risk"), Admin);
        var why = Press(ActionKind.Why, "big", Elena);

        Assert.True(acknowledged.Applied);
        Assert.Equal(AlertState.Acknowledged, _data.Stores.Get(UsageCliff)!.State);
        Assert.True(snoozed.Applied);
        Assert.StartsWith("Why Big Co scores", why.Reply.Title);
    }
}
