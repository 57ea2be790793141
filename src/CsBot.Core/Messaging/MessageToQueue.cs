namespace CsBot.Core.Messaging;

/// <summary>A message to queue in the outbox and the earliest time it may be delivered.</summary>
public sealed record MessageToQueue(OutgoingMessage Message, DateTimeOffset DeliverAfter);
