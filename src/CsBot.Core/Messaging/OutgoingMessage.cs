namespace CsBot.Core.Messaging;

/// <summary>A message addressed to a recipient, with the key that makes its delivery idempotent.</summary>
public sealed record OutgoingMessage(Recipient Recipient, ChatMessage Message, string IdempotencyKey)
{
    /// <summary>
    /// The platform that must deliver it, when not the one that sends notifications: an answer to a question asked in
    /// Slack goes back to Slack whichever platform notifies. Null for alerts, reminders and digests.
    /// </summary>
    public string? Platform { get; init; }

    /// <summary>The platform's thread to reply in (a Slack thread_ts), when the message answers one.</summary>
    public string? ThreadId { get; init; }

    /// <summary>
    /// A one-time reply address the platform handed over with the question (a Slack response_url), used instead of
    /// <see cref="Recipient"/> until <see cref="ReplyUrlExpiresAt"/>; the recipient is the fallback once it is not valid.
    /// </summary>
    public string? ReplyUrl { get; init; }

    public DateTimeOffset? ReplyUrlExpiresAt { get; init; }

    /// <summary>The earlier message this one updates in place or replies under; null for a message of its own.</summary>
    public MessageLink? Link { get; init; }
}
