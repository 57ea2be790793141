namespace CsBot.Application.Ingestion.Records;

/// <summary>
/// What happened when an account's contract came up for renewal, keyed by the account's external id and the renewal
/// date: an account has one outcome per renewal date, and sending it again replaces it. Money is MRR in the
/// configured currency.
/// </summary>
public sealed record RenewalOutcomeRecord
{
    public string? AccountExternalId { get; init; }
    /// <summary>The contract's renewal date, yyyy-MM-dd.</summary>
    public string? RenewalDate { get; init; }
    /// <summary>Renewed, Churned or Downgraded (renewed at a lower MRR).</summary>
    public string? Outcome { get; init; }
    /// <summary>MRR of the contract before the renewal.</summary>
    public decimal? MrrBefore { get; init; }
    /// <summary>MRR after it: 0 when churned, below <see cref="MrrBefore"/> when downgraded.</summary>
    public decimal? MrrAfter { get; init; }
    /// <summary>When given, must equal the configured currency (Metrics:Currency).</summary>
    public string? Currency { get; init; }
}
