using CsBot.Application.Asking;
using CsBot.Core.Messaging;
using Microsoft.Bot.Schema;

namespace CsBot.Teams.Inbound;

/// <summary>Who pressed or typed, as CsBot's platform-neutral <see cref="Asker"/>: the Entra (AAD) object id when Teams gives one.</summary>
public static class TeamsAskers
{
    /// <param name="conversation">Where, as <see cref="ConversationCapture"/> stored it for posting there later.</param>
    public static Asker From(IActivity activity, ChatConversation conversation, string? email = null)
    {
        var from = activity.From;
        var id = !string.IsNullOrEmpty(from?.AadObjectId) ? from.AadObjectId : from?.Id ?? "unknown";
        // The conversation id tells chats, channels and a channel's reply threads apart: follow-ups stay in each.
        return new Asker(id, from?.Name ?? "someone", TeamsOptions.Platform, email, ChannelId: SharedChannel(conversation))
        {
            ConversationId = activity.Conversation?.Id,
        };
    }

    /// <summary>
    /// Channels and group chats are shared: restricted numbers are not shown there. The id given is how a digest for
    /// that place is addressed, which <see cref="Outbound.TeamsChatSender"/> resolves: the conversation id, never a
    /// name, since every team has a "General" and names repeat across teams.
    /// </summary>
    private static string? SharedChannel(ChatConversation conversation) => conversation.Scope switch
    {
        ConversationScope.Channel or ConversationScope.GroupChat => conversation.ConversationId,
        _ => null,
    };
}
