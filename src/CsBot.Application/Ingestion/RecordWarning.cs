namespace CsBot.Application.Ingestion;

/// <summary>Something accepted but worth a look, e.g. an account whose mrr disagrees with its revenue events.</summary>
public sealed record RecordWarning(string AccountExternalId, string Field, string Reason);
