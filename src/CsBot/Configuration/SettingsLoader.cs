using CsBot.Chat.Local;
using CsBot.Core;
using CsBot.Core.Metrics;
using CsBot.Core.Rules;
using CsBot.Core.Scoring;
using CsBot.Scheduling;
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

        var teams = Bind<TeamsOptions>(configuration, TeamsOptions.SectionName, errors);
        errors.AddRange(TeamsOptionsValidation.Validate(teams));

        if (errors.Count > 0) throw new ConfigurationException(errors);
        return new CsBotSettings(storage, scoring, rules, metrics, scheduling, localChat, demo, zone!) { Teams = teams };
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

    private static string Names<T>() where T : struct, Enum => string.Join(", ", Enum.GetNames<T>());
}
