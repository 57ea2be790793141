namespace CsBot.Application.Ingestion.Records;

/// <summary>
/// A change in an account's MRR, keyed by its own external id. <see cref="MrrDelta"/> is signed: positive for New,
/// Expansion and Reactivation; negative for Contraction and Churn.
/// </summary>
public sealed record RevenueEventRecord
{
    public string? ExternalId { get; init; }
    public string? AccountExternalId { get; init; }
    /// <summary>New, Expansion, Contraction, Churn or Reactivation.</summary>
    public string? Kind { get; init; }
    public decimal? MrrDelta { get; init; }
    /// <summary>When given, must equal the configured currency (Metrics:Currency).</summary>
    public string? Currency { get; init; }
    public string? Date { get; init; }
}
