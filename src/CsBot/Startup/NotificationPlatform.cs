using CsBot.Host.Configuration;

namespace CsBot.Host.Startup;

/// <summary>Picks the one platform that delivers notifications, from Chat:Platform and what is configured.</summary>
public static class NotificationPlatform
{
    public static ChatPlatform Choose(ChatPlatform wanted, bool slackConfigured, bool teamsHasCredentials) => wanted switch
    {
        ChatPlatform.Auto when slackConfigured => ChatPlatform.Slack,
        ChatPlatform.Auto when teamsHasCredentials => ChatPlatform.Teams,
        ChatPlatform.Auto => ChatPlatform.Local,
        _ => wanted,
    };

    /// <summary>Null when the wanted platform can deliver; otherwise what to fix.</summary>
    public static string? Problem(ChatPlatform wanted, bool slackConfigured, bool teamsEnabled) => wanted switch
    {
        ChatPlatform.Slack when !slackConfigured => "Chat:Platform is Slack but Slack is not configured; set Slack:BotToken and Slack:SigningSecret, or choose Auto.",
        ChatPlatform.Teams when !teamsEnabled => "Chat:Platform is Teams but Teams is not configured; set Teams:MicrosoftAppId (and its password), or choose Auto.",
        _ => null,
    };
}
