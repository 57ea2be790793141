namespace CsBot.Core.Outbox;

/// <summary>
/// How far delivery is behind: when the earliest waiting message was due (null when none is waiting), and how many
/// messages were dead-lettered since the time asked about. Read by the health check.
/// </summary>
public sealed record OutboxBacklog(DateTimeOffset? EarliestDue, int RecentDeadLetters);
