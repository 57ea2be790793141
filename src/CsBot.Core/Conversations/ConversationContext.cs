using CsBot.Core.Querying;

namespace CsBot.Core.Conversations;

/// <summary>
/// What the last question of one person in one conversation meant, as it was answered: its intent, account, metric,
/// period, segment, owner, "mine" and band (<see cref="Question"/>), and which page of a list was shown
/// (<see cref="Page"/>, 0 for the first). A follow-up ("and initrode?", "show more") is read against it.
/// </summary>
public sealed record ConversationContext(ParsedQuestion Question, int Page = 0);
