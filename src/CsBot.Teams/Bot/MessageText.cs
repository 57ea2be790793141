using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Bot.Schema;

namespace CsBot.Teams.Bot;

/// <summary>The question a person typed, without the "@CsBot" mention Teams puts in channel and group messages.</summary>
public static partial class MessageText
{
    public static string Question(IMessageActivity activity)
    {
        // Removes the mention text of every mention entity naming the bot; the tag pass below catches a mention
        // whose entity is missing (some clients send only the <at> tag).
        var text = activity.Recipient is null ? activity.Text : activity.RemoveRecipientMention();
        text = AtTag().Replace(text ?? "", " ");
        text = WebUtility.HtmlDecode(text);
        return Spaces().Replace(text, " ").Trim();
    }

    [GeneratedRegex("<at>[^<]*</at>", RegexOptions.IgnoreCase)]
    private static partial Regex AtTag();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
