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
        // The store's settings first: the scheduler reads Storage:Provider and Storage:ConnectionString too (to choose
        // its job store), and where both find the same key wrong only the store's line is kept (OncePerKey).
        var store = StorageSettings.Read(configuration, errors);
        var settings = new CsBotSettings(
            LiteDbOptions.Read(configuration, errors),
            ApplicationSettings.Read(configuration, errors),
            SchedulingSettings.Read(configuration, errors),
            LocalChatOptions.Read(configuration, errors),
            SlackOptions.Read(configuration, errors),
            TeamsOptions.Read(configuration, errors),
            HostSettings.Read(configuration, errors),
            store);
        // Read again by AddPrediction; checked here so its problems are listed with every other one.
        _ = Application.Prediction.ChurnModelOptions.Read(configuration, errors);
        if (NotificationPlatform.Problem(settings.Host.Chat.Platform, settings.Slack.IsConfigured, settings.Teams.IsEnabled) is { } chatProblem)
            errors.Add(chatProblem);
        // The admin channel is on the platform that notifies; Teams checks its form with the other channel settings.
        if (settings.Application.Alerting.AdminChannelName is { } admin
            && NotificationPlatform.Choose(settings.Host.Chat.Platform, settings.Slack.IsConfigured, settings.Teams.HasCredentials) == ChatPlatform.Slack
            && SlackChannelNames.Problem("Alerting:AdminChannel", admin) is { } adminProblem)
            errors.Add(adminProblem);
        if (errors.Count > 0) throw new ConfigurationException(OncePerKey(errors));
        return settings;
    }

    /// <summary>Only the first line about each Storage key (a line starts with the key it is about: "Storage:Provider is ...").</summary>
    private static List<string> OncePerKey(List<string> errors)
    {
        var keys = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        return [.. errors.Where(e => !e.StartsWith("Storage:", StringComparison.Ordinal) || keys.Add(e[..(e.IndexOf(' ') is > 0 and var space ? space : e.Length)]))];
    }
}
