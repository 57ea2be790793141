namespace CsBot.Slack.Api;

/// <summary>
/// Who the bot is in the workspace (auth.test), learned at startup or on first need, so CsBot can ignore its own
/// messages and not answer itself.
/// </summary>
public sealed class SlackBotIdentity(SlackApiClient api)
{
    private SlackAuthInfo? _info;

    public SlackAuthInfo? Known => _info;

    public void Set(SlackAuthInfo info) => _info = info;

    public async Task<SlackAuthInfo?> GetAsync(CancellationToken ct)
    {
        if (_info is not null) return _info;
        var result = await api.AuthTestAsync(ct);
        if (result.Ok) _info = result.Value;
        return _info;
    }
}
