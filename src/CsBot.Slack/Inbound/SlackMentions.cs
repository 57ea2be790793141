using System.Text;
using System.Text.RegularExpressions;
using CsBot.Slack.Api;

namespace CsBot.Slack.Inbound;

/// <summary>
/// Turns Slack's mention markup (&lt;@U123&gt;) into the plain text the question engine reads, which knows people by
/// email and name only: a mention of the bot goes, anyone else mentioned becomes their email from users.info (or their
/// name when Slack gives no email), so "at risk for @Dana" finds Dana's accounts.
/// </summary>
public sealed partial class SlackMentions(SlackUserDirectory users)
{
    /// <param name="botUserId">The bot's own user id, when known. A mention at the very start always addresses the
    /// bot: Slack puts it there in an app_mention.</param>
    public async Task<string> ToPlainTextAsync(string? text, string? botUserId, CancellationToken ct)
    {
        text ??= "";
        var plain = new StringBuilder(text.Length);
        var last = 0;
        for (var m = Mention().Match(text); m.Success; m = m.NextMatch())
        {
            plain.Append(text, last, m.Index - last);
            var id = m.Groups["id"].Value;
            var addressesBot = id == botUserId || text[..m.Index].Trim().Length == 0;
            plain.Append(' ').Append(addressesBot ? "" : await PersonAsync(id, m.Groups["label"].Value, ct)).Append(' ');
            last = m.Index + m.Length;
        }
        return plain.Append(text, last, text.Length - last).ToString();
    }

    private async Task<string> PersonAsync(string userId, string label, CancellationToken ct)
    {
        var user = await users.GetAsync(userId, ct);
        if (user.Ok && !string.IsNullOrWhiteSpace(user.Value!.Email)) return user.Value.Email;
        if (user.Ok && !string.IsNullOrWhiteSpace(user.Value!.Name)) return user.Value.Name;
        return label;
    }

    [GeneratedRegex(@"<@(?<id>[UW][A-Z0-9]+)(?:\|(?<label>[^>]*))?>")]
    private static partial Regex Mention();
}
