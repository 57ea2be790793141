namespace CsBot.Application.Ingestion.Records;

/// <summary>One day of product usage for one account, keyed by (account external id, date).</summary>
public sealed record UsageRecord
{
    public string? AccountExternalId { get; init; }
    public string? Date { get; init; }
    public int? ActiveUsers { get; init; }
    public int? MonthlyActiveUsers { get; init; }
    public int? LicensedSeats { get; init; }
    public int? Logins { get; init; }
    public int? KeyFeatureUses { get; init; }
}
