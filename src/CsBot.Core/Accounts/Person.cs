namespace CsBot.Core.Accounts;

/// <summary>A person CsBot can reach: a CSM owner or a manager. Chat ids are optional; email is the stable link.</summary>
public sealed record Person(string Name, string Email, string? SlackUserId = null, string? TeamsUserId = null)
{
    /// <summary>IANA time zone the person works in, for quiet hours; null means the business time zone.</summary>
    public string? TimeZone { get; init; }
}
