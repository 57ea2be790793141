using System.Text.RegularExpressions;

namespace CsBot.Slack;

/// <summary>What Slack accepts as a channel in settings: a name as Slack writes them, or a channel id.</summary>
public static partial class SlackChannelNames
{
    /// <summary>Null when <paramref name="value"/> can name a Slack channel; otherwise <paramref name="key"/> and the fix.</summary>
    public static string? Problem(string key, string value)
    {
        var name = value.Trim().TrimStart('#');
        if (Name().IsMatch(name) || Id().IsMatch(name)) return null;
        return $"{key} is '{value}', which Slack cannot name: channel names are lower-case letters, digits, '-', '_' and '.', up to 80 characters "
            + "(e.g. \"cs-admin\"); or give the channel's id (e.g. C0123ABCD, from the channel's details).";
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9._-]{0,79}$")]
    private static partial Regex Name();

    [GeneratedRegex("^[CG][A-Z0-9]{6,}$")]
    private static partial Regex Id();
}
