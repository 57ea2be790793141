using System.Globalization;
using CsBot.Core;

namespace CsBot.Application.Notifications;

/// <summary>Checks an <see cref="AlertingOptions"/>; each message names the key under "Alerting" and the fix.</summary>
public static class AlertingValidation
{
    public static IReadOnlyList<string> Validate(AlertingOptions options)
    {
        var errors = new List<string>();
        foreach (var (severity, days) in options.RepeatIntervalDays)
        {
            if (!Enum.TryParse<Severity>(severity, ignoreCase: true, out _) || int.TryParse(severity, out _))
                errors.Add($"Alerting:RepeatIntervalDays:{severity} is not a severity; use one of {string.Join(", ", Enum.GetNames<Severity>())}.");
            else if (!(days > 0))
                errors.Add($"Alerting:RepeatIntervalDays:{severity} is {days.ToString(CultureInfo.InvariantCulture)}; a repeat interval must be more than 0 days, e.g. 7.");
        }
        if (!(options.EscalateCriticalAfterHours > 0))
            errors.Add($"Alerting:EscalateCriticalAfterHours is {options.EscalateCriticalAfterHours.ToString(CultureInfo.InvariantCulture)}; it must be more than 0 hours, e.g. 24.");
        foreach (var (segment, channel) in options.Channels)
        {
            if (string.IsNullOrWhiteSpace(channel))
                errors.Add($"Alerting:Channels:{segment} is empty; give a channel name such as \"cs-alerts\", or remove the entry.");
        }
        if (AdminChannelProblem(options.AdminChannel) is { } admin) errors.Add(admin);
        CheckTime("Alerting:QuietHours:Start", options.QuietHours.Start, errors);
        CheckTime("Alerting:QuietHours:End", options.QuietHours.End, errors);
        return errors;
    }

    /// <summary>
    /// Null when <paramref name="channel"/> can name the admin channel (absent or empty for none, or a channel name or id); otherwise the
    /// key and the fix. Whether the channel exists is only known when the first failure is posted there: a post it
    /// refuses is logged and shown on /healthz.
    /// </summary>
    public static string? AdminChannelProblem(string? channel)
    {
        // Empty is the example file's "off", as for Slack:BotToken.
        if (string.IsNullOrEmpty(channel)) return null;
        const string fix = "give the channel delivery failures are posted to, e.g. \"cs-admin\" (on Teams \"Team name/Channel name\"), or remove the key to only log them";
        var name = channel.Trim().TrimStart('#').Trim();
        if (name.Length == 0) return $"Alerting:AdminChannel names no channel; {fix}.";
        if (name.Length > 200 || name.Any(char.IsControl)) return $"Alerting:AdminChannel is not a channel name; {fix}.";
        return null;
    }

    /// <summary>Parses "HH:mm" (24-hour, two digits each), the only form quiet hours accept.</summary>
    public static bool TryParseTime(string? value, out TimeOnly time) =>
        TimeOnly.TryParseExact(value, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out time);

    private static void CheckTime(string key, string? value, List<string> errors)
    {
        if (!TryParseTime(value, out _))
            errors.Add($"{key} is '{value}'; use 24-hour HH:mm, e.g. \"20:00\" or \"08:00\".");
    }
}
