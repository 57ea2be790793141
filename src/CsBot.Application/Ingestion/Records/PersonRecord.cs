namespace CsBot.Application.Ingestion.Records;

/// <summary>
/// A CSM owner or manager as a CRM sends it. Email is the stable link; chat ids are optional and are kept as the
/// person's handles on the platforms named by <see cref="SlackPlatform"/> and <see cref="TeamsPlatform"/>.
/// </summary>
public sealed record PersonRecord
{
    /// <summary>Platform name <see cref="SlackUserId"/> is kept under; the one Slack askers carry.</summary>
    public const string SlackPlatform = "slack";
    /// <summary>Platform name <see cref="TeamsUserId"/> (the Entra object id) is kept under; the one Teams askers carry.</summary>
    public const string TeamsPlatform = "teams";

    public string? Name { get; init; }
    public string? Email { get; init; }
    public string? SlackUserId { get; init; }
    public string? TeamsUserId { get; init; }
    /// <summary>IANA time zone (e.g. "America/New_York"), for quiet hours; empty means the business zone.</summary>
    public string? TimeZone { get; init; }
}
