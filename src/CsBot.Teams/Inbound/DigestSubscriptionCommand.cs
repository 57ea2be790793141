using System.Text.RegularExpressions;
using CsBot.Core.Messaging;

namespace CsBot.Teams.Inbound;

/// <summary>
/// "subscribe this channel to the weekly digest" / "unsubscribe this channel from the digest", recognised here so a
/// channel can sign up from Teams; the subscription is a mark on the channel's stored conversation.
/// </summary>
public static partial class DigestSubscriptionCommand
{
    /// <summary>True to subscribe, false to unsubscribe, null when the text is not about digest subscriptions.</summary>
    public static bool? Parse(string text)
    {
        var match = Pattern().Match(text);
        if (!match.Success) return null;
        var verb = match.Groups["verb"].Value;
        return !(verb.StartsWith("un", StringComparison.OrdinalIgnoreCase) || verb.StartsWith("opt", StringComparison.OrdinalIgnoreCase));
    }

    public static ChatMessage Reply(bool subscribe, ChatConversation conversation)
    {
        var where = conversation.ChannelName is { } name ? "#" + name : "this channel";
        return subscribe
            ? new ChatMessage
            {
                Title = $"Subscribed {where} to the weekly digest",
                Sections = [new MessageSection { Text = "The weekly customer-health digest will be posted here. Say \"unsubscribe this channel from the digest\" to stop it." }],
            }
            : new ChatMessage
            {
                Title = $"Unsubscribed {where} from the weekly digest",
                Sections = [new MessageSection { Text = "No more digests will be posted here." }],
            };
    }

    public static ChatMessage ChannelsOnly() => new()
    {
        Title = "Digests are posted to channels",
        Sections = [new MessageSection { Text = "Mention me in the team channel that should get the weekly digest and say \"subscribe this channel to the weekly digest\"." }],
    };

    [GeneratedRegex(@"^(please\s+)?(?<verb>subscribe|unsubscribe|sign\s+up|opt\s+out)\s+(this\s+channel\s+|us\s+|here\s+)?(to|from|for)\s+(the\s+)?(weekly\s+)?digests?\W*$", RegexOptions.IgnoreCase)]
    private static partial Regex Pattern();
}
