namespace CsBot.Application.Ingestion.Records;

/// <summary>A CSM owner or manager as a CRM sends it. Email is the stable link; chat ids are optional.</summary>
public sealed record PersonRecord
{
    public string? Name { get; init; }
    public string? Email { get; init; }
    public string? SlackUserId { get; init; }
    public string? TeamsUserId { get; init; }
    /// <summary>IANA time zone (e.g. "America/New_York"), for quiet hours; empty means the business zone.</summary>
    public string? TimeZone { get; init; }
}
