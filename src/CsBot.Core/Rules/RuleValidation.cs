using System.Globalization;

namespace CsBot.Core.Rules;

/// <summary>
/// Checks the configured rule set before it is used. Each message names the configuration key and the fix, e.g.
/// "Rules:Definitions:3 (id 'usage-cliff', kind UsageDrop) needs Percent between 0 and 100.".
/// Unknown kind names are rejected earlier, by configuration binding.
/// </summary>
public static class RuleValidation
{
    private const string Section = RulesOptions.SectionName;

    public static IReadOnlyList<string> Validate(RulesOptions o)
    {
        var errors = new List<string>();
        var definitions = o.Definitions ?? [];
        var firstIndexById = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);

        for (var i = 0; i < definitions.Count; i++)
        {
            var rule = definitions[i];
            var key = $"{Section}:Definitions:{i}";
            if (rule is null)
            {
                errors.Add($"{key} is empty; give it an Id and a Kind, or remove it.");
                continue;
            }

            var label = $"{key} (id '{rule.Id}', kind {rule.Kind})";
            if (string.IsNullOrWhiteSpace(rule.Id))
            {
                errors.Add($"{key} (kind {rule.Kind}) has no Id; give it a unique Id such as '{DefaultIdFor(rule.Kind)}'.");
            }
            else if (firstIndexById.TryGetValue(rule.Id, out var first))
            {
                errors.Add($"{label} repeats the Id of {Section}:Definitions:{first}; rule ids must be unique.");
            }
            else
            {
                firstIndexById[rule.Id] = i;
            }

            if (!Enum.IsDefined(rule.Severity))
            {
                errors.Add($"{label} has Severity {(int)rule.Severity}; use Info, Warning, High or Critical.");
            }

            CheckParameters(errors, label, rule);
        }
        return errors;
    }

    private static void CheckParameters(List<string> errors, string label, RuleDefinition rule)
    {
        switch (rule.Kind)
        {
            case RuleKind.HealthBelow:
                Between(errors, label, nameof(rule.Threshold), rule.Threshold, 0, 100);
                break;
            case RuleKind.HealthDrop:
                Between(errors, label, nameof(rule.Points), rule.Points, 1, 100);
                AtLeast(errors, label, nameof(rule.Days), rule.Days, 1);
                break;
            case RuleKind.UsageDrop:
                Between(errors, label, nameof(rule.Percent), rule.Percent, 0, 100);
                Optional(errors, label, nameof(rule.RecentDays), rule.RecentDays, 1);
                Optional(errors, label, nameof(rule.BaselineDays), rule.BaselineDays, 1);
                break;
            case RuleKind.SeatUtilizationBelow:
                Between(errors, label, nameof(rule.Percent), rule.Percent, 0, 100);
                break;
            case RuleKind.NoLogin:
            case RuleKind.NpsDetractor:
                AtLeast(errors, label, nameof(rule.Days), rule.Days, 1);
                break;
            case RuleKind.CsatBelow:
                Between(errors, label, nameof(rule.Threshold), rule.Threshold, 1, 5);
                AtLeast(errors, label, nameof(rule.Days), rule.Days, 1);
                break;
            case RuleKind.InvoiceOverdue:
            case RuleKind.RenewalAtRisk:
                AtLeast(errors, label, nameof(rule.Days), rule.Days, 0);
                if (rule.Kind == RuleKind.RenewalAtRisk && rule.Bands is { Count: 0 })
                {
                    errors.Add($"{label} has an empty Bands list; list at least one of Poor, Average, Good, or remove Bands for the default (Poor, Average).");
                }
                break;
            case RuleKind.OpenCriticalTickets:
                AtLeast(errors, label, nameof(rule.Count), rule.Count, 1);
                break;
            case RuleKind.Contraction:
                Between(errors, label, nameof(rule.Percent), rule.Percent, 0, 100);
                AtLeast(errors, label, nameof(rule.Days), rule.Days, 1);
                break;
            case RuleKind.PredictedChurnAbove:
                Between(errors, label, nameof(rule.Percent), rule.Percent, 0, 100);
                break;
            default:
                errors.Add($"{label} has an unknown Kind; use one of {string.Join(", ", Enum.GetNames<RuleKind>())}.");
                break;
        }
    }

    private static void Between(List<string> errors, string label, string name, double? value, double min, double max)
    {
        if (value is not { } v || !(v >= min && v <= max))
        {
            errors.Add($"{label} needs {name} between {Number(min)} and {Number(max)}{Got(value)}.");
        }
    }

    private static void AtLeast(List<string> errors, string label, string name, int? value, int min)
    {
        if (value is not { } v || v < min)
        {
            errors.Add($"{label} needs {name} of {min} or more{Got(value)}.");
        }
    }

    /// <summary>A parameter with a default: only a value that is present and too small is an error.</summary>
    private static void Optional(List<string> errors, string label, string name, int? value, int min)
    {
        if (value is { } v && v < min)
        {
            errors.Add($"{label} needs {name} of {min} or more (it is {v}), or leave it out for the default.");
        }
    }

    private static string Got(double? value) => value is { } v ? $" (it is {Number(v)})" : "";
    private static string Got(int? value) => value is { } v ? $" (it is {v})" : "";

    private static string DefaultIdFor(RuleKind kind) =>
        RulesOptions.Defaults().FirstOrDefault(d => d.Kind == kind)?.Id ?? kind.ToString().ToLowerInvariant();

    private static string Number(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);
}
