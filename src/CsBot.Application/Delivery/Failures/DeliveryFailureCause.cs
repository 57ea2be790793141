using CsBot.Core.Messaging;
using CsBot.Core.Outbox;

namespace CsBot.Application.Delivery.Failures;

/// <summary>
/// Why a dead-lettered message failed, in terms of what a person must do about it: invite the bot, fix a token, fix
/// an email. Dead letters with the same cause are reported, and retried, together. <see cref="Key"/> names the group:
/// "invalid_auth" for causes that stop every send (one token), "not_in_channel:cs-enterprise" for causes tied to one
/// recipient.
/// </summary>
public sealed record DeliveryFailureCause(string Code, string? RecipientKey, string Reason, string Fix)
{
    public const string NotInChannel = "not_in_channel";
    public const string ChannelNotFound = "channel_not_found";
    public const string InvalidAuth = "invalid_auth";
    public const string MissingScope = "missing_scope";
    public const string UnknownUser = "unknown_user";
    public const string TeamsForbidden = "teams_forbidden";
    public const string TeamsNotFound = "teams_not_found";
    public const string Other = "other";

    public string Key => RecipientKey is null ? Code : $"{Code}:{RecipientKey}";

    /// <summary>
    /// True when <paramref name="key"/> picks this cause: its whole <see cref="Key"/>, or its bare <see cref="Code"/>
    /// for every recipient with that cause ("not_in_channel" retries the messages to every channel the bot was not in).
    /// </summary>
    public bool Matches(string key) =>
        string.Equals(key.Trim(), Key, StringComparison.OrdinalIgnoreCase) || string.Equals(key.Trim(), Code, StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Reads the cause from the error the platform sender recorded. The texts are the senders' own: Slack's error code
    /// in parentheses (SlackErrors.Describe), "Teams answered 403 ..." (ConnectorErrors), "No Teams chat with ..."
    /// (TeamsChatSender); the platform tests pin each one to its cause.
    /// </summary>
    public static DeliveryFailureCause Of(OutboxEntry entry)
    {
        var error = entry.LastError ?? "";
        var recipient = RecipientKeyOf(entry.Message.Recipient);
        if (Has(error, "not_in_channel"))
            return new(NotInChannel, recipient, "the bot is not in the channel", "invite it with /invite @CsBot");
        if (Has(error, "channel_not_found"))
            return new(ChannelNotFound, recipient, "the channel does not exist or the bot cannot see it",
                "create it, invite the bot if it is private (/invite @CsBot), or correct the name in Alerting:Channels");
        if (Has(error, "invalid_auth") || Has(error, "not_authed") || Has(error, "token_revoked") || Has(error, "token_expired") || Has(error, "account_inactive"))
            return new(InvalidAuth, null, "Slack rejected the bot token", "set Slack:BotToken to the app's current Bot User OAuth Token (xoxb-...) and restart");
        if (Has(error, "missing_scope") || Has(error, "no_permission") || Has(error, "not_allowed_token_type"))
            return new(MissingScope, null, "the Slack app lacks a permission", "add the scopes in manifests/slack/manifest.yml to the app and reinstall it");
        if (Has(error, "users_not_found") || error.StartsWith("No Teams chat with", StringComparison.Ordinal))
            return new(UnknownUser, recipient, "no chat user has this email",
                "correct the email in the CRM, or have the person install CsBot or message it once (Teams)");
        if (error.StartsWith("Teams answered 403", StringComparison.Ordinal))
            return new(TeamsForbidden, recipient, "Teams refused (403): CsBot is not installed there, was blocked, or is disabled",
                "install the CsBot app in that team or chat");
        if (error.StartsWith("Teams answered 404", StringComparison.Ordinal))
            return new(TeamsNotFound, recipient, "Teams does not know the conversation (404)",
                "install CsBot in that team, or correct the channel in Alerting:Channels");
        return new(Other, recipient, "delivery was given up", "fix what the last error below says, then retry");
    }

    /// <summary>How a recipient appears in a cause key: a channel without '#', lower case, so "#CS-Enterprise" and "cs-enterprise" group together.</summary>
    public static string RecipientKeyOf(Recipient recipient) => recipient.Key.Trim().TrimStart('#').Trim().ToLowerInvariant();

    private static bool Has(string error, string code) => error.Contains($"({code})", StringComparison.Ordinal);
}
