namespace CsBot.Application.Ingestion.Records;

/// <summary>
/// One account as sent to the ingestion API or a CSV import, keyed by <see cref="ExternalId"/> (the CRM id). Each
/// record is the whole account: a field left out takes its default. Dates are ISO 8601 (yyyy-MM-dd); money is MRR
/// in the configured currency.
/// </summary>
public sealed record AccountRecord
{
    public string? ExternalId { get; init; }
    public string? Name { get; init; }
    public IReadOnlyList<string>? Aliases { get; init; }
    public string? Domain { get; init; }
    /// <summary>Default "SMB".</summary>
    public string? Segment { get; init; }
    public string? Plan { get; init; }
    public decimal? Mrr { get; init; }
    /// <summary>When given, must equal the configured currency (Metrics:Currency).</summary>
    public string? Currency { get; init; }
    /// <summary>Monthly, Annual (default) or MultiYear.</summary>
    public string? ContractKind { get; init; }
    public string? StartDate { get; init; }
    public string? RenewalDate { get; init; }
    public bool? AutoRenew { get; init; }
    public int? NoticePeriodDays { get; init; }
    public PersonRecord? Owner { get; init; }
    public PersonRecord? Manager { get; init; }
    public string? ChurnedOn { get; init; }
}
