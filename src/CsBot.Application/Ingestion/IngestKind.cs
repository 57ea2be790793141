namespace CsBot.Application.Ingestion;

/// <summary>The kinds of record CsBot ingests, one API endpoint and one CSV file layout each.</summary>
public enum IngestKind
{
    Accounts,
    Usage,
    Tickets,
    Surveys,
    Invoices,
    RevenueEvents,
    RenewalOutcomes,
}
