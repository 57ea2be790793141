using CsBot.Core.Messaging;

namespace CsBot.Slack.Outbound;

/// <summary>
/// The neutral message behind each Slack message CsBot posted recently, by (channel, ts). A button press arrives
/// with Slack's copy of the message only; this lets the alert actions update the original neutral message in place.
/// After a restart older messages are unknown and the action answers with a short reply instead.
/// </summary>
public sealed class SlackSentMessages(TimeProvider time)
{
    public static readonly TimeSpan Memory = TimeSpan.FromDays(14);
    public const int Capacity = 20_000;

    private readonly ExpiringCache<(string Channel, string Ts), ChatMessage> _messages = new(time, Memory, Capacity);

    public void Remember(string channel, string ts, ChatMessage message) => _messages.Set((channel, ts), message);

    public ChatMessage? Find(string? channel, string? ts) =>
        channel is not null && ts is not null && _messages.TryGet((channel, ts), out var message) ? message : null;
}
