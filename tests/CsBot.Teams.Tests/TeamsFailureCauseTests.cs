using System.Net;
using CsBot.Application.Delivery.Failures;
using CsBot.Core.Messaging;
using CsBot.Core.Outbox;
using CsBot.Teams.Outbound;

namespace CsBot.Teams.Tests;

/// <summary>The errors the Teams sender records are read back as the cause an admin must fix, and grouped by it.</summary>
public sealed class TeamsFailureCauseTests
{
    private static DeliveryFailureCause CauseOf(string? error, Recipient recipient) => DeliveryFailureCause.Of(new OutboxEntry
    {
        Id = "1", Message = new OutgoingMessage(recipient, new ChatMessage { Title = "t" }, "k"), State = OutboxState.DeadLetter, LastError = error,
    });

    [Theory]
    [InlineData(403, "BotNotInConversationRoster", "teams_forbidden:customer success/cs-alerts")]
    [InlineData(403, "BotDisabledByAdmin", "teams_forbidden:customer success/cs-alerts")]
    [InlineData(404, "ConversationNotFound", "teams_not_found:customer success/cs-alerts")]
    [InlineData(413, "MessageSizeTooBig", "other:customer success/cs-alerts")]
    public void A_connector_refusal_is_read_as_its_cause(int status, string code, string key)
    {
        var error = ConnectorErrors.FromStatus((HttpStatusCode)status, code, "refused", null).Error;
        Assert.Equal(key, CauseOf(error, Recipient.Channel("Customer Success/cs-alerts")).Key);
    }
}
