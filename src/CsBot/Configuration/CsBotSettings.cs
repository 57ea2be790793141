using CsBot.Application.Settings;
using CsBot.Chat.Local;
using CsBot.Scheduling;
using CsBot.Slack;
using CsBot.Storage.LiteDb;
using CsBot.Teams;

namespace CsBot.Host.Configuration;

/// <summary>Every CsBot setting, each project's part read by its own <c>Read</c> and checked together (see <see cref="SettingsLoader"/>).</summary>
public sealed record CsBotSettings(
    LiteDbOptions Storage,
    ApplicationSettings Application,
    SchedulingSettings Scheduling,
    LocalChatOptions LocalChat,
    SlackOptions Slack,
    TeamsOptions Teams,
    HostSettings Host,
    StorageSettings Store);
