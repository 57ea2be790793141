using CsBot.Application.Access;
using CsBot.Application.Asking;
using CsBot.Application.Delivery;
using CsBot.Application.Notifications;
using CsBot.Core.Metrics;
using CsBot.Core.Reminders;
using CsBot.Core.Rules;
using CsBot.Core.Scoring;
using Microsoft.Extensions.Configuration;

namespace CsBot.Application.Settings;

/// <summary>
/// What the use cases are configured with: the business time zone, scoring, rules, metrics, access, alerting,
/// delivery, reminders and how long conversations are remembered. Read (and checked) by <see cref="Read"/>; registered by <c>AddApplication</c>.
/// </summary>
public sealed record ApplicationSettings(
    TimeZoneInfo TimeZone,
    ScoringOptions Scoring,
    RulesOptions Rules,
    MetricsOptions Metrics,
    AccessOptions Access,
    AlertingOptions Alerting,
    DeliveryOptions Delivery,
    RemindersOptions Reminders,
    ConversationOptions Conversation)
{
    /// <summary>The key of the business time zone: "today", quiet hours and every schedule are read in it.</summary>
    public const string TimeZoneKey = "Scheduling:TimeZone";

    /// <summary>Binds the sections, adding one line per problem (key and fix) to <paramref name="errors"/>.</summary>
    public static ApplicationSettings Read(IConfiguration configuration, ICollection<string> errors)
    {
        var zone = ReadTimeZone(configuration, errors);
        var scoring = ScoringSettings.ReadScoring(configuration.GetSection(ScoringOptions.SectionName), errors);
        var rules = ScoringSettings.ReadRules(configuration.GetSection(RulesOptions.SectionName), errors);
        var metrics = SettingsReader.Bind<MetricsOptions>(configuration, MetricsOptions.SectionName, errors);
        if (metrics.GrossMargin is <= 0 or > 1)
            errors.Add($"Metrics:GrossMargin is {metrics.GrossMargin}; set a fraction between 0 and 1, e.g. 0.8 for 80%.");

        var accessSection = configuration.GetSection(AccessOptions.SectionName);
        var access = SettingsReader.CheckEnum<Role>(accessSection["LocalRole"], "Access:LocalRole", "role", errors, required: false)
            ? SettingsReader.Bind<AccessOptions>(configuration, AccessOptions.SectionName, errors)
            : new AccessOptions();

        var alerting = AlertingSettings.Read(configuration.GetSection(AlertingOptions.SectionName), errors);
        var delivery = SettingsReader.Bind<DeliveryOptions>(configuration, DeliveryOptions.SectionName, errors);
        foreach (var error in delivery.Validate()) errors.Add(error);
        var reminders = SettingsReader.Bind<RemindersOptions>(configuration, RemindersOptions.SectionName, errors);
        foreach (var error in reminders.Validate()) errors.Add(error);
        var conversation = SettingsReader.Bind<ConversationOptions>(configuration, ConversationOptions.SectionName, errors);
        foreach (var error in conversation.Validate()) errors.Add(error);
        return new ApplicationSettings(zone, scoring, rules, metrics, access, alerting, delivery, reminders, conversation);
    }

    private static TimeZoneInfo ReadTimeZone(IConfiguration configuration, ICollection<string> errors)
    {
        var id = configuration[TimeZoneKey] ?? "UTC";
        if (TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone)) return zone;
        errors.Add($"{TimeZoneKey} '{id}' is not a known time zone; use an IANA id such as \"Europe/Berlin\" or \"UTC\".");
        return TimeZoneInfo.Utc;
    }
}
