namespace CsBot.Slack.Api;

/// <summary>
/// Channel ids by name. Messages can be sent to "#cs-enterprise", but Slack's history methods take only ids, so the
/// check for an unrecorded delivery needs the id: the one Slack returned when CsBot last posted there, or else the
/// one conversations.list gives (after a restart nothing is remembered). Cached for a day, since channels are rarely
/// renamed and conversations.list is a slow, tier-2 method.
/// </summary>
public sealed class SlackChannelDirectory(SlackApiClient api, TimeProvider time)
{
    public static readonly TimeSpan CacheLifetime = TimeSpan.FromHours(24);

    private readonly ExpiringCache<string, string> _ids = new(time, CacheLifetime, 10_000);

    /// <summary>Slack's form of a channel name: no "#", lower case.</summary>
    public static string Normalise(string name) => name.Trim().TrimStart('#').ToLowerInvariant();

    public void Remember(string name, string id) => _ids.Set(Normalise(name), id);

    /// <summary>The channel's id, or null when no visible channel has that name or Slack could not be asked.</summary>
    public async Task<SlackResult<string?>> FindIdAsync(string name, CancellationToken ct)
    {
        var key = Normalise(name);
        if (_ids.TryGet(key, out var id)) return SlackResult<string?>.Success(id);
        var found = await api.FindChannelIdAsync(key, ct);
        if (found is { Ok: true, Value: { } value }) _ids.Set(key, value);
        return found;
    }
}
