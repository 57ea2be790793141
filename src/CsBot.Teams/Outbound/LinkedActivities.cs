using CsBot.Core.Messaging;
using Microsoft.Bot.Connector;
using Microsoft.Bot.Schema;

namespace CsBot.Teams.Outbound;

/// <summary>
/// Sends an activity as what the message is: a new post, an update of the card it redraws (PUT
/// /v3/conversations/{id}/activities/{activityId}) or a reply in that card's reply chain (POST
/// /v3/conversations/{id}/activities/{activityId}). Returns the id of the activity the message now is.
/// </summary>
internal static class LinkedActivities
{
    public static async Task<string?> SendAsync(IConnectorClient client, Activity activity, MessageLink? link, CancellationToken ct)
    {
        var conversation = activity.Conversation.Id;
        if (link is not { ParentMessageId: { Length: > 0 } parent })
            return (await client.Conversations.SendToConversationAsync(activity, ct))?.Id;
        if (link.Kind == MessageLinkKind.Replace)
        {
            activity.Id = parent;
            await client.Conversations.UpdateActivityAsync(conversation, parent, activity, ct);
            return parent;
        }
        activity.ReplyToId = parent;
        return (await client.Conversations.ReplyToActivityAsync(conversation, parent, activity, ct))?.Id;
    }
}
