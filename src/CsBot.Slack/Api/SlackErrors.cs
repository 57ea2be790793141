namespace CsBot.Slack.Api;

/// <summary>Which Slack errors are worth retrying, and a sentence for the log that tells an admin what to do.</summary>
public static class SlackErrors
{
    /// <summary>Our own codes for failures that never reached Slack's ok:false.</summary>
    public const string Timeout = "timeout";
    public const string Network = "network_error";
    public const string Http = "http_error";
    public const string BadResponse = "bad_response";

    private static readonly HashSet<string> TransientCodes =
        ["ratelimited", "rate_limited", "internal_error", "fatal_error", "service_unavailable", "request_timeout", "team_added_to_org", Timeout, Network, Http];

    private static readonly HashSet<string> AuthCodes =
        ["invalid_auth", "not_authed", "account_inactive", "token_revoked", "token_expired", "no_permission", "missing_scope", "not_allowed_token_type"];

    public static bool IsTransient(string error) => TransientCodes.Contains(error);

    /// <summary>The token itself is unusable: retrying cannot help until an admin fixes it.</summary>
    public static bool IsAuthProblem(string error) => AuthCodes.Contains(error);

    public static string Describe(string method, string error, TimeSpan? retryAfter = null) => error switch
    {
        "invalid_auth" or "not_authed" or "token_revoked" or "token_expired" or "account_inactive"
            => $"Slack:BotToken was rejected by Slack ({error}); check the token (the Bot User OAuth Token, xoxb-..., of the installed app)",
        "missing_scope" or "no_permission" or "not_allowed_token_type"
            => $"Slack refused {method} ({error}); add the scopes in manifests/slack/manifest.yml to the app and reinstall it",
        "channel_not_found" => $"Slack {method} failed (channel_not_found): the channel does not exist or the bot cannot see it",
        "not_in_channel" => $"Slack {method} failed (not_in_channel): invite the bot to the channel with /invite @CsBot",
        "users_not_found" => $"Slack {method} found no user with that email (users_not_found)",
        "ratelimited" or "rate_limited" => $"Slack rate-limited {method}; it asked to wait {retryAfter?.TotalSeconds ?? 0:0} s",
        "msg_too_long" or "msg_blocks_too_long" or "invalid_blocks" => $"Slack rejected the message from {method} ({error}); it exceeds Slack's message limits",
        _ => $"Slack {method} failed ({error})",
    };
}
