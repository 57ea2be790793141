using CsBot.Application.Asking;
using CsBot.Slack.Api;

namespace CsBot.Slack.Inbound;

/// <summary>
/// Turns a Slack user id into an <see cref="Asker"/> with name, email and time zone from users.info (cached), so
/// answers and alert actions know which CSM is asking. If Slack cannot say, the id and typed name are enough.
/// </summary>
public sealed class SlackAskers(SlackUserDirectory users)
{
    public const string Platform = "slack";

    public async Task<Asker> ResolveAsync(string userId, string? fallbackName, CancellationToken ct)
    {
        var user = await users.GetAsync(userId, ct);
        return user.Ok
            ? new Asker(userId, user.Value!.Name, Platform, user.Value.Email, user.Value.TimeZone)
            : new Asker(userId, string.IsNullOrWhiteSpace(fallbackName) ? userId : fallbackName, Platform);
    }
}
