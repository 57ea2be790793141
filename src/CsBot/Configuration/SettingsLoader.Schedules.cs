using CsBot.Application.Notifications;
using CsBot.Core;
using CsBot.Core.Digest;

namespace CsBot.Host.Configuration;

/// <summary>The digest subscriptions and the alerting section.</summary>
public static partial class SettingsLoader
{
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
