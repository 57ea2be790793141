namespace CsBot.Core.Querying;

/// <summary>What someone asked for: the intent and, where it names one, the account as typed.</summary>
public sealed record ParsedQuestion(IntentKind Intent, string? AccountText = null);
