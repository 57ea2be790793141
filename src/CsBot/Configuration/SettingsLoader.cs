using CsBot.Application.Settings;
using CsBot.Chat.Local;
using CsBot.Host.Startup;
using CsBot.Scheduling;
using CsBot.Slack;
using CsBot.Storage.LiteDb;
using CsBot.Teams;

namespace CsBot.Host.Configuration;

/// <summary>
/// Reads the settings of every project, each with its own <c>Read(configuration, errors)</c>, and collects every
/// problem before failing, so an admin fixes a bad file in one pass. Runs before any project registers itself.
/// </summary>
public static class SettingsLoader
{
    public static CsBotSettings Load(IConfiguration configuration)
    {
        var errors = new List<string>();
        var settings = new CsBotSettings(
            LiteDbOptions.Read(configuration, errors),
            ApplicationSettings.Read(configuration, errors),
            SchedulingSettings.Read(configuration, errors),
            LocalChatOptions.Read(configuration, errors),
            SlackOptions.Read(configuration, errors),
            TeamsOptions.Read(configuration, errors),
            HostSettings.Read(configuration, errors),
            StorageSettings.Read(configuration, errors));
        if (NotificationPlatform.Problem(settings.Host.Chat.Platform, settings.Slack.IsConfigured, settings.Teams.IsEnabled) is { } chatProblem)
            errors.Add(chatProblem);
        if (errors.Count > 0) throw new ConfigurationException(errors);
        return settings;
    }
}
