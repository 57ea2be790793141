using CsBot.Core.Messaging;
using CsBot.Core.Ports;

namespace CsBot.Slack.Outbound;

/// <summary>
/// The neutral message behind each Slack message CsBot posted recently, by (channel, ts). A button press arrives
/// with Slack's copy of the message only; this lets the alert actions update the original neutral message in place.
/// Alerts, reminders and digests went through the durable outbox, which keeps them with Slack's id, so they are
/// found there after a restart too; only older answers to questions are forgotten.
/// </summary>
public sealed class SlackSentMessages(TimeProvider time, IOutboxStore outbox)
{
    public static readonly TimeSpan Memory = TimeSpan.FromDays(14);
    public const int Capacity = 20_000;

    private readonly ExpiringCache<(string Channel, string Ts), ChatMessage> _messages = new(time, Memory, Capacity);

    public void Remember(string channel, string ts, ChatMessage message) => _messages.Set((channel, ts), message);

    public ChatMessage? Find(string? channel, string? ts)
    {
        if (channel is null || ts is null) return null;
        if (_messages.TryGet((channel, ts), out var message)) return message;
        // SlackChatSender reports "{channel}/{ts}" as the platform message id the outbox stores.
        return outbox.FindByPlatformMessageId(SlackChatSender.PlatformName, $"{channel}/{ts}")?.Message.Message;
    }
}
