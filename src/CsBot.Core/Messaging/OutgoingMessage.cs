namespace CsBot.Core.Messaging;

/// <summary>A message addressed to a recipient, with the key that makes its delivery idempotent.</summary>
public sealed record OutgoingMessage(Recipient Recipient, ChatMessage Message, string IdempotencyKey);
