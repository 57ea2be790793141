using CsBot.Core;
using CsBot.Core.Rules;
using CsBot.Core.Scoring;
using Microsoft.Extensions.Configuration;
using static CsBot.Application.Settings.SettingsReader;

namespace CsBot.Application.Settings;

/// <summary>The scoring and rules sections: weights, curves, rule kinds and their parameters.</summary>
internal static class ScoringSettings
{
    public static ScoringOptions ReadScoring(IConfigurationSection section, ICollection<string> errors)
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

        foreach (var error in ScoringValidation.Validate(scoring)) errors.Add(error);
        return scoring;
    }

    public static RulesOptions ReadRules(IConfigurationSection section, ICollection<string> errors)
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
        foreach (var error in RuleValidation.Validate(rules)) errors.Add(error);
        return rules;
    }
}
