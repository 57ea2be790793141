using CsBot.Application.Notifications;
using CsBot.Core;
using Microsoft.Extensions.Configuration;
using static CsBot.Application.Settings.SettingsReader;

namespace CsBot.Application.Settings;

/// <summary>The alerting section: repeats, quiet hours, channel routing and escalation.</summary>
internal static class AlertingSettings
{
    public static AlertingOptions Read(IConfigurationSection section, ICollection<string> errors)
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
        alerting.ReplyInThreadWithinHours = Hours(section, "ReplyInThreadWithinHours", alerting.ReplyInThreadWithinHours, errors);
        alerting.AcknowledgedReminderHours = Hours(section, "AcknowledgedReminderHours", alerting.AcknowledgedReminderHours, errors);
        // A configured channel map replaces the default one (binding would merge them); keys compare case-insensitively.
        var channels = section.GetSection("Channels").GetChildren().ToList();
        if (channels.Count > 0)
            alerting.Channels = new Dictionary<string, string>(channels.Select(c => KeyValuePair.Create(c.Key, c.Value ?? "")), StringComparer.OrdinalIgnoreCase);
        alerting.AdminChannel = section["AdminChannel"];
        foreach (var error in AlertingValidation.Validate(alerting)) errors.Add(error);
        return alerting;
    }

    /// <summary>A positive number of hours; a missing key keeps the default, anything else is an error naming the key.</summary>
    private static double Hours(IConfigurationSection section, string key, double fallback, ICollection<string> errors)
    {
        if (section[key] is not { } text) return fallback;
        if (double.TryParse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var hours) && hours > 0 && double.IsFinite(hours))
            return hours;
        errors.Add($"Alerting:{key} is '{text}'; use a number of hours more than 0, e.g. {fallback.ToString(System.Globalization.CultureInfo.InvariantCulture)}.");
        return fallback;
    }
}
