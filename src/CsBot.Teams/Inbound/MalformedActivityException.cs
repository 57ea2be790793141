namespace CsBot.Teams.Inbound;

/// <summary>
/// An activity CsBot cannot act on because of how it was sent (no conversation to answer in): the sender's mistake,
/// answered 400 by /api/messages, never logged as a failed turn nor apologised for in chat.
/// </summary>
public sealed class MalformedActivityException(string reason) : Exception(reason);
