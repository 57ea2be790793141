namespace CsBot.Application.Ingestion.Records;

/// <summary>A survey response, keyed by its own external id. Scales: NPS 0-10, CSAT 1-5, CES 1-7.</summary>
public sealed record SurveyRecord
{
    public string? ExternalId { get; init; }
    public string? AccountExternalId { get; init; }
    /// <summary>Nps, Csat or Ces.</summary>
    public string? Kind { get; init; }
    public int? Score { get; init; }
    public string? Date { get; init; }
    public string? Respondent { get; init; }
}
