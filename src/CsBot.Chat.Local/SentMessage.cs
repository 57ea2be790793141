using CsBot.Core.Messaging;

namespace CsBot.Chat.Local;

/// <summary>A message the local sink delivered, with when and its local message id.</summary>
public sealed record SentMessage(string Id, DateTimeOffset At, OutgoingMessage Outgoing)
{
    /// <summary>The id of the message this one replies under, when it is a thread reply.</summary>
    public string? ThreadOf { get; init; }

    /// <summary>When it was last redrawn in place; null while it is as first sent.</summary>
    public DateTimeOffset? UpdatedAt { get; init; }
}
