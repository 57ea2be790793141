using CsBot.Chat.Local;
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
    /// <summary>Section "Teams"; Teams is wired only when it has credentials or local mode is on.</summary>
    public TeamsOptions Teams { get; init; } = new();
}
