namespace CsBot.Application.Ingestion.Records;

/// <summary>An invoice, keyed by its own external id. An unpaid invoice has no <see cref="PaidOn"/>.</summary>
public sealed record InvoiceRecord
{
    public string? ExternalId { get; init; }
    public string? AccountExternalId { get; init; }
    public decimal? Amount { get; init; }
    /// <summary>When given, must equal the configured currency (Metrics:Currency).</summary>
    public string? Currency { get; init; }
    public string? IssuedOn { get; init; }
    public string? DueDate { get; init; }
    public string? PaidOn { get; init; }
}
