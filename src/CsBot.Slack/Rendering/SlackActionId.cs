using CsBot.Core.Messaging;

namespace CsBot.Slack.Rendering;

/// <summary>
/// Our buttons' action_id: "csbot:{ActionKind}:{n}". Slack wants action ids unique within a block, so the
/// button's position is appended; the kind is what the interaction handler reads back.
/// </summary>
public static class SlackActionId
{
    private const string Prefix = "csbot:";

    public static string Encode(ActionKind kind, int index) => $"{Prefix}{kind}:{index}";

    public static bool TryDecode(string? actionId, out ActionKind kind)
    {
        kind = default;
        if (actionId is null || !actionId.StartsWith(Prefix, StringComparison.Ordinal)) return false;
        var name = actionId[Prefix.Length..].Split(':')[0];
        return Enum.TryParse(name, ignoreCase: false, out kind) && Enum.IsDefined(kind) && !int.TryParse(name, out _);
    }
}
