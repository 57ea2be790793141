using CsBot.Application.Ingestion;

namespace CsBot.Host.Api;

/// <summary>
/// What one accepted batch did: counts per outcome, how many accounts were rescored as a result, and warnings about
/// accepted records worth a look (an account whose mrr disagrees with its revenue events).
/// </summary>
public sealed record IngestResponse(string Kind, int Received, int Inserted, int Updated, int Unchanged, int AccountsRescored, int AlertsStarted, int AlertsResolved)
{
    public IReadOnlyList<RecordWarning> Warnings { get; init; } = [];
}
