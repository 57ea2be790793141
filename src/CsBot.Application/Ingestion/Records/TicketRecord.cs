namespace CsBot.Application.Ingestion.Records;

/// <summary>A support ticket, keyed by its own external id. Timestamps are ISO 8601 with an offset (UTC when none is given).</summary>
public sealed record TicketRecord
{
    public string? ExternalId { get; init; }
    public string? AccountExternalId { get; init; }
    /// <summary>Low, Medium, High or Critical.</summary>
    public string? Severity { get; init; }
    public string? Opened { get; init; }
    public string? Closed { get; init; }
}
