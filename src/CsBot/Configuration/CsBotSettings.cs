using CsBot.Chat.Local;
using CsBot.Core.Digest;
using CsBot.Core.Reminders;
using CsBot.Core.Metrics;
using CsBot.Core.Rules;
using CsBot.Core.Scoring;
using CsBot.Scheduling;

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
    public RemindersOptions Reminders { get; init; } = new();
    /// <summary>The configured digest subscriptions, time zones resolved (an empty zone means the Scheduling one).</summary>
    public IReadOnlyList<DigestSubscription> DigestSubscriptions { get; init; } = [];
}
