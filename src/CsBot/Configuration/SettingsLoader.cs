using CsBot.Application.Access;
using CsBot.Application.Notifications;
using CsBot.Application.Delivery;
using CsBot.Chat.Local;
using CsBot.Core.Reminders;
using CsBot.Core.Metrics;
using CsBot.Core.Rules;
using CsBot.Core.Scoring;
using CsBot.Scheduling;
using CsBot.Slack;
using CsBot.Teams;
using CronExpression = Quartz.CronExpression;

namespace CsBot.Host.Configuration;

/// <summary>
/// Binds every section, fills documented defaults, and collects every problem before failing, so an admin
/// fixes a bad file in one pass. Enum values are checked by hand because the binder's own message does not
/// list the valid choices.
/// </summary>
public static partial class SettingsLoader
{
    public static CsBotSettings Load(IConfiguration configuration)
    {
        var errors = new List<string>();

        var storage = Bind<StorageOptions>(configuration, StorageOptions.SectionName, errors);
        if (string.IsNullOrWhiteSpace(storage.DatabasePath))
            errors.Add("Storage:DatabasePath is empty; set it to a file path such as data/csbot.db.");

        var scoring = LoadScoring(configuration.GetSection(ScoringOptions.SectionName), errors);
        var rules = LoadRules(configuration.GetSection(RulesOptions.SectionName), errors);
        var metrics = Bind<MetricsOptions>(configuration, MetricsOptions.SectionName, errors);
        if (metrics.GrossMargin is <= 0 or > 1)
            errors.Add($"Metrics:GrossMargin is {metrics.GrossMargin}; set a fraction between 0 and 1, e.g. 0.8 for 80%.");

        var scheduling = Bind<SchedulingOptions>(configuration, SchedulingOptions.SectionName, errors);
        var zone = FindZone(scheduling.TimeZone, errors);
        CheckCron("Scheduling:RiskEvaluationCron", scheduling.RiskEvaluationCron, errors);

        var localChat = Bind<LocalChatOptions>(configuration, LocalChatOptions.SectionName, errors);
        var demo = Bind<DemoOptions>(configuration, DemoOptions.SectionName, errors);
        if (demo.AccountCount is < 1 or > 200_000)
            errors.Add($"Demo:AccountCount is {demo.AccountCount}; use 1 to 200000.");
        if (demo.HistoryDays is < 0 or > 400)
            errors.Add($"Demo:HistoryDays is {demo.HistoryDays}; use 0 to 400.");

        var accessSection = configuration.GetSection(AccessOptions.SectionName);
        var access = CheckEnum<Role>(accessSection["LocalRole"], "Access:LocalRole", "role", errors, required: false)
            ? Bind<AccessOptions>(configuration, AccessOptions.SectionName, errors)
            : new AccessOptions();

        var api = LoadApi(configuration, errors);
        var alerting = LoadAlerting(configuration.GetSection(AlertingOptions.SectionName), errors);
        var delivery = Bind<DeliveryOptions>(configuration, DeliveryOptions.SectionName, errors);
        errors.AddRange(delivery.Validate());
        CheckCron("Delivery:PollCron", delivery.PollCron, errors);
        var reminders = Bind<RemindersOptions>(configuration, RemindersOptions.SectionName, errors);
        CheckCron("Reminders:Cron", reminders.Cron, errors);
        errors.AddRange(reminders.Validate());
        var digests = LoadDigestSubscriptions(configuration, scheduling.TimeZone, errors);
        var teams = Bind<TeamsOptions>(configuration, TeamsOptions.SectionName, errors);
        errors.AddRange(TeamsOptionsValidation.Validate(teams));
        var slackOptions = SlackOptions.Read(configuration);
        errors.AddRange(slackOptions.Validate());
        var chatSection = configuration.GetSection(ChatOptions.SectionName);
        var chat = CheckEnum<ChatPlatform>(chatSection["Platform"], "Chat:Platform", "chat platform", errors, required: false)
            ? Bind<ChatOptions>(configuration, ChatOptions.SectionName, errors)
            : new ChatOptions();
        if (Startup.NotificationPlatform.Problem(chat.Platform, slackOptions.IsConfigured, teams.IsEnabled) is { } chatProblem) errors.Add(chatProblem);

        if (errors.Count > 0) throw new ConfigurationException(errors);
        return new CsBotSettings(storage, scoring, rules, metrics, scheduling, localChat, demo, zone!)
        {
            Access = access,
            Api = api,
            Alerting = alerting,
            Delivery = delivery,
            Reminders = reminders,
            DigestSubscriptions = digests,
            Teams = teams,
            Chat = chat,
        };
    }

    private static T Bind<T>(IConfiguration configuration, string section, List<string> errors) where T : new()
    {
        var options = new T();
        try
        {
            configuration.GetSection(section).Bind(options);
        }
        catch (InvalidOperationException ex)
        {
            errors.Add($"{section}: {ex.Message}");
        }
        return options;
    }

    private static bool CheckEnum<T>(string? value, string key, string what, List<string> errors, bool required) where T : struct, Enum
    {
        if (value is null)
        {
            if (required) errors.Add($"{key} is missing; set it to one of {Names<T>()}.");
            return !required;
        }
        if (Enum.TryParse<T>(value, ignoreCase: true, out _) && !int.TryParse(value, out _)) return true;
        errors.Add($"{key} is '{value}', not a known {what}; use one of {Names<T>()}.");
        return false;
    }

    private static void CheckCron(string key, string expression, List<string> errors)
    {
        try
        {
            _ = new CronExpression(expression);
        }
        catch (FormatException ex)
        {
            errors.Add($"{key} '{expression}' is not a valid cron expression ({ex.Message}); Quartz cron has seconds first, e.g. \"0 0 * * * ?\" for hourly.");
        }
    }

    private static TimeZoneInfo? FindZone(string id, List<string> errors)
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(id);
        }
        catch (Exception ex) when (ex is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            errors.Add($"Scheduling:TimeZone '{id}' is not a known time zone; use an IANA id such as \"Europe/Berlin\" or \"UTC\".");
            return null;
        }
    }

    private static string Names<T>() where T : struct, Enum => string.Join(", ", Enum.GetNames<T>());
}
