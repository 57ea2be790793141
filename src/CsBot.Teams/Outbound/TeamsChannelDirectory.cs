using CsBot.Core.Messaging;
using CsBot.Core.Ports;

namespace CsBot.Teams.Outbound;

/// <summary>
/// Finds the Teams channel (or group chat) an address means, among the conversations CsBot was installed, mentioned
/// or subscribed in. An address is a conversation id ("19:...@thread.tacv2", what "subscribe this channel" stores),
/// "Team name/Channel name", or a bare channel name. Every team has a "General" and names repeat across teams, so a
/// name is only resolved within one team: a bare name that several teams have, or a team name two teams share, is
/// refused with the fix rather than guessed, so nothing is ever posted into another team's channel.
/// </summary>
public sealed class TeamsChannelDirectory(IConversationStore store)
{
    public ChannelLookup Find(string address)
    {
        var key = address.Trim().TrimStart('#').Trim();
        if (key.Length == 0) return ChannelLookup.Unknown("An empty Teams channel address names no channel.");
        if (store.Get(TeamsOptions.Platform, key) is { Scope: not ConversationScope.Personal } byId) return ChannelLookup.Found(byId);

        // Teams refuses '/' in channel names, so the last one separates the team from the channel.
        var slash = key.LastIndexOf('/');
        return slash < 0 ? ByName(key) : InTeam(key[..slash].Trim(), key[(slash + 1)..].Trim(), key);
    }

    private ChannelLookup ByName(string name)
    {
        var teams = store.FindChannels(TeamsOptions.Platform, name).GroupBy(c => c.TeamId ?? "").ToList();
        if (teams.Count == 0)
            return ChannelLookup.Unknown($"CsBot is not in a Teams channel named '{name}': add the app to that team and mention it once in the channel.");
        if (teams.Count > 1)
        {
            var names = teams.Select(t => t.First().TeamName ?? t.Key).Order(StringComparer.OrdinalIgnoreCase).ToList();
            return ChannelLookup.Ambiguous(
                $"More than one team has a Teams channel named '{name}' ({string.Join(", ", names)}); name the team too, e.g. '{names[0]}/{name}', or use the channel's conversation id.");
        }
        // Several conversations of one name in one team: the channel was deleted and made again; the latest is the live one.
        return ChannelLookup.Found(teams[0].First());
    }

    private ChannelLookup InTeam(string team, string channel, string address)
    {
        if (team.Length == 0 || channel.Length == 0)
            return ChannelLookup.Unknown($"'{address}' does not name a Teams channel; write 'Team name/Channel name'.");
        var teams = store.FindChannels(TeamsOptions.Platform, channel)
            .Where(c => string.Equals(c.TeamName?.Trim(), team, StringComparison.OrdinalIgnoreCase) || string.Equals(c.TeamId, team, StringComparison.OrdinalIgnoreCase))
            .GroupBy(c => c.TeamId ?? "")
            .ToList();
        if (teams.Count == 0)
            return ChannelLookup.Unknown($"CsBot is not in a Teams channel named '{channel}' in a team named '{team}': add the app to that team and mention it once in the channel.");
        if (teams.Count > 1)
            return ChannelLookup.Ambiguous($"More than one team is named '{team}' and has a channel '{channel}'; use the channel's conversation id instead of '{address}'.");
        return ChannelLookup.Found(teams[0].First());
    }
}

/// <summary>The conversation an address means, or why there is none (unknown yet, or ambiguous).</summary>
public sealed record ChannelLookup(ChatConversation? Conversation, string? Problem, bool IsAmbiguous)
{
    public static ChannelLookup Found(ChatConversation conversation) => new(conversation, null, false);
    public static ChannelLookup Unknown(string problem) => new(null, problem, false);
    public static ChannelLookup Ambiguous(string problem) => new(null, problem, true);
}
