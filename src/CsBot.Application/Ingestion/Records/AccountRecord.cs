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
    /// <summary>
    /// The account's MRR as the CRM knows it. It is what answers show (ARR = 12 x mrr); revenue metrics use only what its
    /// revenue events add up to, and ingestion warns when the two disagree by more than a rounding.
    /// </summary>
    public decimal? Mrr { get; init; }
    /// <summary>When given, must equal the configured currency (Metrics:Currency).</summary>
    public string? Currency { get; init; }
    /// <summary>Monthly, Annual (default) or MultiYear.</summary>
    public string? ContractKind { get; init; }
    public string? StartDate { get; init; }
    public string? RenewalDate { get; init; }
    /// <summary>Months one contract term runs (1 to 120), e.g. 36; optional. Annual contracts without it run 12 months.</summary>
    public int? ContractTermMonths { get; init; }
    public bool? AutoRenew { get; init; }
    public int? NoticePeriodDays { get; init; }
    public PersonRecord? Owner { get; init; }
    public PersonRecord? Manager { get; init; }
    /// <summary>When not sent, the account's last churn revenue event (not followed by a new or reactivation one) sets it.</summary>
    public string? ChurnedOn { get; init; }
}
