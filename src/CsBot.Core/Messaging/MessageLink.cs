namespace CsBot.Core.Messaging;

/// <summary>What a linked message does to the message it belongs to.</summary>
public enum MessageLinkKind
{
    /// <summary>Redraws the earlier message in place (Slack chat.update, Teams update activity).</summary>
    Replace,
    /// <summary>Answers in the earlier message's thread (Slack thread_ts, Teams reply chain).</summary>
    Reply,
}

/// <summary>
/// Ties a message to one sent earlier, named by the idempotency key it was queued with: the platform's id of that
/// message is only known once it was delivered, so the delivery service fills in <see cref="ParentMessageId"/> just
/// before sending (it is never stored).
/// </summary>
public sealed record MessageLink(MessageLinkKind Kind, string ParentKey)
{
    /// <summary>The platform's id of the parent (Slack "channel/ts", Teams activity id, local message id), set at delivery.</summary>
    public string? ParentMessageId { get; init; }
}
