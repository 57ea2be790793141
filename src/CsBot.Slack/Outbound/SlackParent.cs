using CsBot.Core.Messaging;

namespace CsBot.Slack.Outbound;

/// <summary>
/// The Slack message a linked message updates or replies under (<see cref="MessageLink"/>), read from the
/// "channel/ts" id <see cref="SlackChatSender"/> reported for it: chat.update needs both, a thread reply posts into
/// that channel with thread_ts.
/// </summary>
internal sealed record SlackParent(string Channel, string Ts, MessageLinkKind Kind)
{
    public static SlackParent? Of(OutgoingMessage message)
    {
        if (message.Link is not { ParentMessageId: { } id } link) return null;
        var cut = id.LastIndexOf('/');
        return cut <= 0 || cut == id.Length - 1 ? null : new SlackParent(id[..cut], id[(cut + 1)..], link.Kind);
    }
}
