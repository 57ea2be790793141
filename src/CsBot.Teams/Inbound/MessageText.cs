using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace CsBot.Teams.Inbound;

/// <summary>The question a person typed, without the "@CsBot" mention Teams puts in channel and group messages.</summary>
public static partial class MessageText
{
    public static string Question(IMessageActivity activity)
    {
        var text = activity.Text ?? "";
        // The mention text of every mention entity naming the bot (what Activity.RemoveRecipientMention does, but a
        // malformed entity is skipped rather than failing the turn), then the bot's own tag in case a client sent
        // no entity; anyone else mentioned keeps their name in the question.
        foreach (var mention in BotMentions(activity))
            text = text.Replace(mention, " ", StringComparison.OrdinalIgnoreCase);
        if (activity.Recipient?.Name is { Length: > 0 } botName)
            text = text.Replace($"<at>{botName}</at>", " ", StringComparison.OrdinalIgnoreCase);
        text = AtTag().Replace(text, "$1");
        text = WebUtility.HtmlDecode(text);
        return Spaces().Replace(text, " ").Trim();
    }

    private static IEnumerable<string> BotMentions(IMessageActivity activity)
    {
        var botId = activity.Recipient?.Id;
        if (botId is null || activity.Entities is null) yield break;
        foreach (var entity in activity.Entities)
        {
            if (entity is null || !string.Equals(entity.Type, "mention", StringComparison.OrdinalIgnoreCase)) continue;
            var properties = entity.Properties ?? [];
            var mentionedId = (properties["mentioned"] as JObject)?["id"]?.ToString();
            var mentionText = properties["text"]?.ToString();
            if (mentionedId == botId && !string.IsNullOrEmpty(mentionText)) yield return mentionText;
        }
    }

    [GeneratedRegex("<at>([^<]*)</at>", RegexOptions.IgnoreCase)]
    private static partial Regex AtTag();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
