using CsBot.Application.Delivery;
using CsBot.Application.Settings;
using CsBot.Core.Digest;
using CsBot.Scheduling.Cluster;
using Microsoft.Extensions.Configuration;
using CronExpression = Quartz.CronExpression;

namespace CsBot.Scheduling;

/// <summary>
/// When scheduled work runs: the risk evaluation (section "Scheduling"), the outbox poll (Delivery:PollCron), the
/// daily reminders (Reminders:Enabled, RunAtStartup and Cron) and the configured digest subscriptions (section
/// "Digest"). Every cron is checked here, where Quartz reads it; the other values of Delivery and the reminder
/// offsets are the Application's and checked there. Where the schedule is kept follows the store
/// (<see cref="SchedulerStore"/>: in memory with LiteDB, clustered with PostgreSQL).
/// </summary>
public sealed record SchedulingSettings(
    SchedulingOptions Scheduling,
    TimeZoneInfo TimeZone,
    string DeliveryPollCron,
    ReminderScheduleOptions Reminders,
    IReadOnlyList<DigestSubscription> DigestSubscriptions,
    SchedulerStore Store)
{
    /// <summary>Binds the sections, adding one line per problem (key and fix) to <paramref name="errors"/>.</summary>
    public static SchedulingSettings Read(IConfiguration configuration, ICollection<string> errors)
    {
        var scheduling = SettingsReader.Bind<SchedulingOptions>(configuration, SchedulingOptions.SectionName, errors);
        CheckCron("Scheduling:RiskEvaluationCron", scheduling.RiskEvaluationCron, errors);
        CheckCron("Scheduling:NudgeCron", scheduling.NudgeCron, errors);
        CheckCron("Scheduling:ChurnModelTrainingCron", scheduling.ChurnModelTrainingCron, errors);
        // An unknown zone is reported by the Application settings, which own the business time zone.
        var zone = TimeZoneInfo.TryFindSystemTimeZoneById(scheduling.TimeZone, out var found) ? found : TimeZoneInfo.Utc;

        var delivery = BindReportedElsewhere<DeliveryOptions>(configuration, DeliveryOptions.SectionName);
        CheckCron("Delivery:PollCron", delivery.PollCron, errors);
        var reminders = SettingsReader.Bind<ReminderScheduleOptions>(configuration, ReminderScheduleOptions.SectionName, errors);
        CheckCron("Reminders:Cron", reminders.Cron, errors);
        var digests = ReadDigestSubscriptions(configuration, scheduling.TimeZone, errors);
        var store = SchedulerStore.Read(configuration, errors);
        return new SchedulingSettings(scheduling, zone, delivery.PollCron, reminders, digests, store);
    }

    private static List<DigestSubscription> ReadDigestSubscriptions(IConfiguration configuration, string schedulingZone, ICollection<string> errors)
    {
        var digest = SettingsReader.Bind<DigestOptions>(configuration, DigestOptions.SectionName, errors);
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
                subscriptions.Add(new DigestSubscription(entry.Channel.Trim(), zone, string.IsNullOrWhiteSpace(entry.Segment) ? null : entry.Segment.Trim(), entry.Cron));
        }
        return subscriptions;
    }


    private static void CheckCron(string key, string expression, ICollection<string> errors)
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

    // The Application binds and checks these sections too; their binding problems are reported once, there.
    private static T BindReportedElsewhere<T>(IConfiguration configuration, string section) where T : new() =>
        SettingsReader.Bind<T>(configuration, section, new List<string>());
}
