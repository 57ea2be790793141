using CsBot.Core.Messaging;
using CsBot.Core.Outbox;
using CsBot.Core.Ports;
using CsBot.Slack.Outbound;
using Microsoft.Extensions.Time.Testing;
using NSubstitute;

namespace CsBot.Slack.Tests.Outbound;

public class SlackSentMessagesTests
{
    private static readonly ChatMessage Alert = new() { Title = "Initech is at risk" };

    [Fact]
    public void A_message_posted_before_a_restart_is_found_through_the_outbox_by_channel_and_ts()
    {
        var outbox = Substitute.For<IOutboxStore>();
        outbox.FindByPlatformMessageId("slack", "C0CS/1700000000.000100").Returns(new OutboxEntry
        {
            Id = "1",
            Message = new OutgoingMessage(Recipient.Channel("cs-alerts"), Alert, "alert-key"),
            State = OutboxState.Delivered,
        });
        var afterRestart = new SlackSentMessages(new FakeTimeProvider(), outbox);

        Assert.Same(Alert, afterRestart.Find("C0CS", "1700000000.000100"));
        Assert.Null(afterRestart.Find("C0CS", "1700000000.999999"));
    }

    [Fact]
    public void A_remembered_message_is_found_without_asking_the_outbox()
    {
        var outbox = Substitute.For<IOutboxStore>();
        var sent = new SlackSentMessages(new FakeTimeProvider(), outbox);
        sent.Remember("D0DANA", "1.2", Alert);

        Assert.Same(Alert, sent.Find("D0DANA", "1.2"));
        outbox.DidNotReceiveWithAnyArgs().FindByPlatformMessageId(default!, default!);
    }
}
