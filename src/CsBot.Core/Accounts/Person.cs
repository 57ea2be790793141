namespace CsBot.Core.Accounts;

/// <summary>
/// A person CsBot can reach: a CSM owner or a manager. Email is the stable link every platform can map to its own
/// users; chat user ids, where the CRM supplied them, are opaque handles keyed by platform name.
/// </summary>
public sealed record Person(string Name, string Email)
{
    private static readonly IReadOnlyDictionary<string, string> NoChatIds = new Dictionary<string, string>();

    /// <summary>IANA time zone the person works in, for quiet hours; null means the business time zone.</summary>
    public string? TimeZone { get; init; }

    /// <summary>
    /// The person's user id on each chat platform that sent one, keyed by the platform name an asker carries
    /// (e.g. "teams"). Only ever compared with an asker's id on the same platform, for askers whose platform
    /// cannot tell their email.
    /// </summary>
    public IReadOnlyDictionary<string, string> ChatIds { get; init; } = NoChatIds;

    /// <summary>The person's user id on <paramref name="platform"/>, if known.</summary>
    public string? ChatIdOn(string platform) => ChatIds.TryGetValue(platform, out var id) ? id : null;

    // Value equality including the ids: owners are grouped by person, and two copies of one person must stay one.
    public bool Equals(Person? other) =>
        other is not null && Name == other.Name && Email == other.Email && TimeZone == other.TimeZone
        && ChatIds.Count == other.ChatIds.Count
        && ChatIds.All(id => other.ChatIds.TryGetValue(id.Key, out var theirs) && theirs == id.Value);

    public override int GetHashCode() => HashCode.Combine(Name, Email, TimeZone, ChatIds.Count);
}
