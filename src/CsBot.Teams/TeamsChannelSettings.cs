using CsBot.Application.Notifications;
using Microsoft.Extensions.Configuration;

namespace CsBot.Teams;

/// <summary>
/// The settings that name channels, read as Teams addresses when Teams delivers notifications: Alerting:Channels
/// (segment -> channel, the defaults included), Digest:Subscriptions:N:Channel and Alerting:AdminChannel. Each value is "Team name/Channel
/// name", a bare channel name (only while a single team has a channel of that name) or a channel's conversation id.
/// Teams are only known once CsBot is installed in them, so start-up checks the form of each value and whether it is
/// ambiguous among the teams known so far; an unknown or ambiguous one fails at first use, naming its key.
/// </summary>
public sealed class TeamsChannelSettings(IConfiguration configuration, AlertingOptions alerting)
{
    public IReadOnlyList<(string Key, string Address)> All =>
    [
        .. alerting.Channels.Select(c => ($"{AlertingOptions.SectionName}:Channels:{c.Key}", c.Value)),
        .. DigestChannels(configuration),
        .. AdminChannel(configuration),
    ];

    /// <summary>The keys whose value is <paramref name="address"/> (as the recipient carries it, without '#'), for telling where to fix it.</summary>
    public IReadOnlyList<string> KeysFor(string address) =>
        [.. All.Where(s => string.Equals(Clean(s.Address), Clean(address), StringComparison.OrdinalIgnoreCase)).Select(s => s.Key)];

    /// <summary>One line per value that cannot name a Teams channel whatever teams CsBot is in: "Sales/" or "/General".</summary>
    public static IEnumerable<string> FormProblems(IConfiguration configuration)
    {
        var configured = configuration.GetSection($"{AlertingOptions.SectionName}:Channels").GetChildren()
            .Select(c => (Key: c.Path, Address: c.Value ?? ""))
            .Concat(DigestChannels(configuration))
            .Concat(AdminChannel(configuration));
        foreach (var (key, address) in configured)
        {
            var value = Clean(address);
            var slash = value.LastIndexOf('/');
            if (slash >= 0 && (value[..slash].Trim().Length == 0 || value[(slash + 1)..].Trim().Length == 0))
                yield return $"{key} is '{address}'; for Teams write 'Team name/Channel name' (e.g. 'Customer Success/cs-alerts'), a channel name, or the channel's conversation id.";
        }
    }

    private static IEnumerable<(string Key, string Address)> DigestChannels(IConfiguration configuration) =>
        configuration.GetSection("Digest:Subscriptions").GetChildren()
            .Select(s => s.GetSection("Channel"))
            .Where(c => !string.IsNullOrWhiteSpace(c.Value))
            .Select(c => (c.Path, c.Value!));

    private static IEnumerable<(string Key, string Address)> AdminChannel(IConfiguration configuration) =>
        configuration.GetSection($"{AlertingOptions.SectionName}:AdminChannel") is { Value: { } value } section && !string.IsNullOrWhiteSpace(value)
            ? [(section.Path, value)]
            : [];

    private static string Clean(string address) => address.Trim().TrimStart('#').Trim();
}
