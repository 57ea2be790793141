namespace CsBot.Host.Api;

/// <summary>What one accepted batch did: counts per outcome, and how many accounts were rescored as a result.</summary>
public sealed record IngestResponse(string Kind, int Received, int Inserted, int Updated, int Unchanged, int AccountsRescored, int AlertsStarted, int AlertsResolved);
