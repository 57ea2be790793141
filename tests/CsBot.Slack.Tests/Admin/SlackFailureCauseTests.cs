using CsBot.Application.Delivery.Failures;
using CsBot.Core.Messaging;
using CsBot.Core.Outbox;
using CsBot.Slack.Api;

namespace CsBot.Slack.Tests.Admin;

/// <summary>The errors the Slack sender records are read back as the cause an admin must fix, and grouped by it.</summary>
public sealed class SlackFailureCauseTests
{
    private static DeliveryFailureCause CauseOf(string error, Recipient recipient) => DeliveryFailureCause.Of(new OutboxEntry
    {
        Id = "1", Message = new OutgoingMessage(recipient, new ChatMessage { Title = "t" }, "k"), State = OutboxState.DeadLetter, LastError = error,
    });

    [Theory]
    [InlineData("not_in_channel", "not_in_channel:cs-enterprise")]
    [InlineData("channel_not_found", "channel_not_found:cs-enterprise")]
    [InlineData("invalid_auth", "invalid_auth")]
    [InlineData("token_revoked", "invalid_auth")]
    [InlineData("missing_scope", "missing_scope")]
    [InlineData("msg_too_long", "other:cs-enterprise")]
    public void A_slack_error_to_a_channel_is_read_as_its_cause(string code, string key) =>
        Assert.Equal(key, CauseOf(SlackErrors.Describe("chat.postMessage", code), Recipient.Channel("#CS-Enterprise")).Key);

    [Fact]
    public void An_email_slack_does_not_know_is_an_unknown_user()
    {
        var cause = CauseOf(SlackErrors.Describe("users.lookupByEmail/conversations.open", "users_not_found"), Recipient.Person("Dana@Example.com", "Dana"));
        Assert.Equal("unknown_user:dana@example.com", cause.Key);
        Assert.True(cause.Matches("unknown_user"));
        Assert.False(cause.Matches("not_in_channel"));
    }
}
