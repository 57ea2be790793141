using CsBot.Application.Access;
using CsBot.Application.Notifications;
using CsBot.Application.Delivery;
using CsBot.Chat.Local;
using CsBot.Core;
using CsBot.Core.Digest;
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
public static class SettingsLoader
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

    private static ApiOptions LoadApi(IConfiguration configuration, List<string> errors)
    {
        var api = Bind<ApiOptions>(configuration, ApiOptions.SectionName, errors);
        if (api.MaxBodyBytes is < 1024 or > 1024L * 1024 * 1024)
            errors.Add($"Api:MaxBodyBytes is {api.MaxBodyBytes}; use 1024 (1 KB) to 1073741824 (1 GB), e.g. 10485760 for 10 MB.");
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < api.Keys.Count; i++)
        {
            var key = api.Keys[i];
            var where = $"Api:Keys:{i}";
            if (string.IsNullOrWhiteSpace(key.Name)) errors.Add($"{where}:Name is missing; name each key after who uses it, e.g. \"crm-sync\".");
            else if (!names.Add(key.Name)) errors.Add($"{where}:Name '{key.Name}' is used by another key; give each key its own name.");
            CheckEnum<ApiAccess>(key.Access, where + ":Access", "access level", errors, required: true);
            var hasHash = !string.IsNullOrWhiteSpace(key.KeyHash);
            var hasKey = !string.IsNullOrWhiteSpace(key.Key);
            if (hasHash == hasKey)
                errors.Add($"{where} needs exactly one of KeyHash (the SHA-256 of the key, 64 hex digits) or Key (the key itself, for development).");
            else if (hasHash && (key.KeyHash!.Trim().Length != 64 || !key.KeyHash.Trim().All(char.IsAsciiHexDigit)))
                errors.Add($"{where}:KeyHash is not 64 hex digits; compute it with: printf %s \"$KEY\" | sha256sum");
            else if (hasKey && key.Key!.Length < 16)
                errors.Add($"{where}:Key is {key.Key.Length} characters; use at least 16 random characters, e.g. from: openssl rand -hex 24");
        }
        return api;
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

    private static ScoringOptions LoadScoring(IConfigurationSection section, List<string> errors)
    {
        var defaults = ScoringOptions.Defaults();
        var scoring = new ScoringOptions { Components = [] };
        if (int.TryParse(section["GoodFrom"], out var good)) scoring.GoodFrom = good;
        else if (section["GoodFrom"] is { } badGood) errors.Add($"Scoring:GoodFrom is '{badGood}'; use a whole number 0-100.");
        if (int.TryParse(section["AverageFrom"], out var average)) scoring.AverageFrom = average;
        else if (section["AverageFrom"] is { } badAverage) errors.Add($"Scoring:AverageFrom is '{badAverage}'; use a whole number 0-100.");

        foreach (var child in section.GetSection("Components").GetChildren())
        {
            if (!Enum.TryParse<HealthComponentKind>(child.Key, ignoreCase: true, out var kind))
            {
                errors.Add($"Scoring:Components:{child.Key} is not a health component; use one of {Names<HealthComponentKind>()}.");
                continue;
            }
            var component = new ComponentOptions { Weight = defaults[kind].Weight, WindowDays = defaults[kind].WindowDays };
            try
            {
                child.Bind(component);
            }
            catch (InvalidOperationException ex)
            {
                errors.Add($"Scoring:Components:{child.Key}: {ex.Message}");
            }
            // A configured curve replaces the default one; binding would otherwise append to it.
            if (component.Curve.Count == 0) component.Curve = defaults[kind].Curve;
            scoring.Components[kind] = component;
        }
        foreach (var (kind, component) in defaults)
            scoring.Components.TryAdd(kind, component);

        errors.AddRange(ScoringValidation.Validate(scoring));
        return scoring;
    }

    private static RulesOptions LoadRules(IConfigurationSection section, List<string> errors)
    {
        var definitions = section.GetSection("Definitions");
        if (!definitions.GetChildren().Any()) return new RulesOptions();

        var rules = new RulesOptions { Definitions = [] };
        foreach (var child in definitions.GetChildren())
        {
            var where = $"Rules:Definitions:{child.Key}";
            var valid = CheckEnum<RuleKind>(child["Kind"], where + ":Kind", "rule kind", errors, required: true)
                        & CheckEnum<Severity>(child["Severity"], where + ":Severity", "severity", errors, required: false);
            foreach (var band in child.GetSection("Bands").GetChildren())
                valid &= CheckEnum<HealthBand>(band.Value, $"{where}:Bands:{band.Key}", "health band", errors, required: true);
            if (!valid) continue;
            var rule = new RuleDefinition();
            child.Bind(rule);
            rules.Definitions.Add(rule);
        }
        errors.AddRange(RuleValidation.Validate(rules));
        return rules;
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

    private static List<DigestSubscription> LoadDigestSubscriptions(IConfiguration configuration, string schedulingZone, List<string> errors)
    {
        var digest = Bind<DigestOptions>(configuration, DigestOptions.SectionName, errors);
        var subscriptions = new List<DigestSubscription>();
        var channels = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < digest.Subscriptions.Count; i++)
        {
            var entry = digest.Subscriptions[i];
            var key = $"Digest:Subscriptions:{i}";
            var valid = true;
            if (string.IsNullOrWhiteSpace(entry.Channel))
            {
                errors.Add($"{key}:Channel is empty; set the channel the digest is posted to, e.g. \"cs-leadership\".");
                valid = false;
            }
            else if (!channels.Add(entry.Channel.Trim().TrimStart('#')))
            {
                errors.Add($"{key}:Channel '{entry.Channel}' is subscribed twice; keep one entry per channel.");
                valid = false;
            }
            var before = errors.Count;
            CheckCron($"{key}:Cron", entry.Cron, errors);
            var zone = string.IsNullOrWhiteSpace(entry.TimeZone) ? schedulingZone : entry.TimeZone.Trim();
            if (!TimeZoneInfo.TryFindSystemTimeZoneById(zone, out _))
                errors.Add($"{key}:TimeZone '{zone}' is not a known time zone; use an IANA id such as \"Europe/Berlin\", or leave it empty for the Scheduling time zone.");
            if (valid && errors.Count == before)
                subscriptions.Add(new DigestSubscription(entry.Channel.Trim(), entry.Cron, zone, string.IsNullOrWhiteSpace(entry.Segment) ? null : entry.Segment.Trim()));
        }
        return subscriptions;
    }

    private static string Names<T>() where T : struct, Enum => string.Join(", ", Enum.GetNames<T>());

    private static AlertingOptions LoadAlerting(IConfigurationSection section, List<string> errors)
    {
        var alerting = new AlertingOptions();
        // Each part is bound on its own, so one bad value does not hide the problems in the others.
        void BindPart(string key, object target)
        {
            try
            {
                section.GetSection(key).Bind(target);
            }
            catch (InvalidOperationException ex)
            {
                errors.Add($"Alerting:{key}: {ex.Message}");
            }
        }
        BindPart("RepeatIntervalDays", alerting.RepeatIntervalDays);
        BindPart("QuietHours", alerting.QuietHours);
        if (CheckEnum<Severity>(section["ChannelMinimumSeverity"], "Alerting:ChannelMinimumSeverity", "severity", errors, required: false)
            && section["ChannelMinimumSeverity"] is { } severity)
            alerting.ChannelMinimumSeverity = Enum.Parse<Severity>(severity, ignoreCase: true);
        if (section["EscalateCriticalAfterHours"] is { } hours)
        {
            if (double.TryParse(hours, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var parsed))
                alerting.EscalateCriticalAfterHours = parsed;
            else
                errors.Add($"Alerting:EscalateCriticalAfterHours is '{hours}'; use a number of hours more than 0, e.g. 24.");
        }
        // A configured channel map replaces the default one (binding would merge them); keys compare case-insensitively.
        var channels = section.GetSection("Channels").GetChildren().ToList();
        if (channels.Count > 0)
            alerting.Channels = new Dictionary<string, string>(channels.Select(c => KeyValuePair.Create(c.Key, c.Value ?? "")), StringComparer.OrdinalIgnoreCase);
        errors.AddRange(AlertingValidation.Validate(alerting));
        return alerting;
    }
}
