namespace CsBot.Slack.Inbound;

/// <summary>Slack:AllowedTeamIds: which workspaces may talk to CsBot. Empty means any workspace the app is installed in.</summary>
public sealed class TeamAllowList(SlackOptions options)
{
    private readonly HashSet<string> _teams = new(options.AllowedTeamIds, StringComparer.Ordinal);

    public bool Allows(string? teamId) => _teams.Count == 0 || (teamId is not null && _teams.Contains(teamId));

    public static string RefusalText(string? teamId) =>
        $"CsBot is not enabled for this workspace. Ask your CsBot admin to add team id {teamId ?? "(unknown)"} to Slack:AllowedTeamIds.";
}
