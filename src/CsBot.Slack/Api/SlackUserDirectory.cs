namespace CsBot.Slack.Api;

/// <summary>
/// Slack users by email and by id, cached for an hour: alerts go to CSMs by email, and every question needs the
/// asker's email and time zone, so without a cache each would cost a Web API call (users.* are tier 3-4).
/// </summary>
public sealed class SlackUserDirectory(SlackApiClient api, TimeProvider time) : CsBot.Core.Ports.IRecipientTimeZones
{
    public static readonly TimeSpan CacheLifetime = TimeSpan.FromHours(1);

    private readonly ExpiringCache<string, SlackUser> _byEmail = new(time, CacheLifetime, 10_000);
    private readonly ExpiringCache<string, SlackUser> _byId = new(time, CacheLifetime, 10_000);
    // Time zones outlive the user cache: quiet hours are planned before a send refreshes it, and people rarely move.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> _timeZones = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The person's Slack time zone, if Slack has told us (any lookup of them fills it).</summary>
    public string? Find(string email) => _timeZones.TryGetValue(email.Trim(), out var zone) ? zone : null;

    public async Task<SlackResult<SlackUser>> FindByEmailAsync(string email, CancellationToken ct)
    {
        var key = email.Trim().ToLowerInvariant();
        if (_byEmail.TryGet(key, out var cached)) return SlackResult<SlackUser>.Success(cached);
        var result = await api.LookupUserByEmailAsync(key, ct);
        if (result.Ok) Remember(result.Value!, key);
        return result;
    }

    public async Task<SlackResult<SlackUser>> GetAsync(string userId, CancellationToken ct)
    {
        if (_byId.TryGet(userId, out var cached)) return SlackResult<SlackUser>.Success(cached);
        var result = await api.GetUserInfoAsync(userId, ct);
        if (result.Ok) Remember(result.Value!, result.Value!.Email?.ToLowerInvariant());
        return result;
    }

    private void Remember(SlackUser user, string? email)
    {
        _byId.Set(user.Id, user);
        if (string.IsNullOrEmpty(email)) return;
        _byEmail.Set(email, user);
        if (!string.IsNullOrEmpty(user.TimeZone)) _timeZones[email] = user.TimeZone;
    }
}
