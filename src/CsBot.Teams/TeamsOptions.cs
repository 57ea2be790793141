using CsBot.Application.Settings;
using Microsoft.Extensions.Configuration;

namespace CsBot.Teams;

/// <summary>
/// Section "Teams". The Bot Framework reads the same section, so its own keys (e.g. ToBotFromChannelOpenIdMetadataUrl)
/// can be set here too. With <see cref="MicrosoftAppId"/> set every request must carry a valid Bot Framework token;
/// without it the bot runs in local mode for the Bot Framework Emulator, and only when <see cref="EnableLocalMode"/> is on.
/// </summary>
public sealed class TeamsOptions
{
    public const string SectionName = "Teams";
    public const string Platform = "teams";

    /// <summary>MultiTenant, SingleTenant or UserAssignedMSI; empty means MultiTenant.</summary>
    public string? MicrosoftAppType { get; set; }
    public string? MicrosoftAppId { get; set; }
    public string? MicrosoftAppPassword { get; set; }
    public string? MicrosoftAppTenantId { get; set; }

    /// <summary>Run without credentials (Bot Framework Emulator). Off by default, so an unconfigured host has no /api/messages.</summary>
    public bool EnableLocalMode { get; set; }
    /// <summary>In local mode, answer clients other than this machine too. Off: local mode answers loopback only.</summary>
    public bool AllowRemoteLocalMode { get; set; }
    /// <summary>Entra tenant ids allowed to talk to the bot; empty allows every tenant the registration admits.</summary>
    public List<string> AllowedTenants { get; set; } = [];
    /// <summary>The public host name the bot is reached at (e.g. csbot.example.com), written into the app manifest.</summary>
    public string? PublicHost { get; set; }
    /// <summary>How long posted cards are remembered so their buttons can update them in place.</summary>
    public int CardMemoryDays { get; set; } = 30;

    public bool HasCredentials => !string.IsNullOrWhiteSpace(MicrosoftAppId);

    /// <summary>Teams is wired into the host: credentials are configured, or local mode was asked for.</summary>
    public bool IsEnabled => HasCredentials || EnableLocalMode;

    public bool IsTenantAllowed(string? tenantId) =>
        AllowedTenants.Count == 0 || (tenantId is not null && AllowedTenants.Any(t => string.Equals(t.Trim(), tenantId, StringComparison.OrdinalIgnoreCase)));

    /// <summary>Binds the section, adding one line per problem (key and fix) to <paramref name="errors"/>.</summary>
    public static TeamsOptions Read(IConfiguration configuration, ICollection<string> errors)
    {
        var options = SettingsReader.Bind<TeamsOptions>(configuration, SectionName, errors);
        foreach (var error in TeamsOptionsValidation.Validate(options)) errors.Add(error);
        // Channel settings are other sections' keys, but only Teams splits them into team and channel.
        if (options.IsEnabled)
            foreach (var error in TeamsChannelSettings.FormProblems(configuration)) errors.Add(error);
        return options;
    }
}
