using CsBot.Core.Messaging;

namespace CsBot.Chat.Local;

/// <summary>A message the local sink delivered, with when and its local message id.</summary>
public sealed record SentMessage(string Id, DateTimeOffset At, OutgoingMessage Outgoing);
