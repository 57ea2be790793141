using CsBot.Application.Access;
using CsBot.Application.Notifications;
using CsBot.Application.Delivery;
using CsBot.Chat.Local;
using CsBot.Core.Digest;
using CsBot.Core.Reminders;
using CsBot.Core.Metrics;
using CsBot.Core.Rules;
using CsBot.Core.Scoring;
using CsBot.Scheduling;
using CsBot.Teams;

namespace CsBot.Host.Configuration;

/// <summary>Every CsBot setting, bound and validated once at startup (see <see cref="SettingsLoader"/>).</summary>
public sealed record CsBotSettings(
    StorageOptions Storage,
    ScoringOptions Scoring,
    RulesOptions Rules,
    MetricsOptions Metrics,
    SchedulingOptions Scheduling,
    LocalChatOptions LocalChat,
    DemoOptions Demo,
    TimeZoneInfo TimeZone)
{
    public AccessOptions Access { get; init; } = new();
    public ApiOptions Api { get; init; } = new();
    public AlertingOptions Alerting { get; init; } = new();
    /// <summary>Outbox delivery and retries (section "Delivery").</summary>
    public DeliveryOptions Delivery { get; init; } = new();
    public RemindersOptions Reminders { get; init; } = new();
    /// <summary>The configured digest subscriptions, time zones resolved (an empty zone means the Scheduling one).</summary>
    public IReadOnlyList<DigestSubscription> DigestSubscriptions { get; init; } = [];
    /// <summary>Section "Teams"; Teams is wired only when it has credentials or local mode is on.</summary>
    public TeamsOptions Teams { get; init; } = new();
    /// <summary>Section "Chat": which platform delivers notifications.</summary>
    public ChatOptions Chat { get; init; } = new();
}
