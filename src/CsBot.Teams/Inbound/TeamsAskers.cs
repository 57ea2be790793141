using CsBot.Application.Asking;
using Microsoft.Bot.Schema;

namespace CsBot.Teams.Inbound;

/// <summary>Who pressed or typed, as CsBot's platform-neutral <see cref="Asker"/>: the Entra (AAD) object id when Teams gives one.</summary>
public static class TeamsAskers
{
    public static Asker From(IActivity activity, string? email = null)
    {
        var from = activity.From;
        var id = !string.IsNullOrEmpty(from?.AadObjectId) ? from.AadObjectId : from?.Id ?? "unknown";
        // Channels and group chats are shared: restricted numbers are not shown there.
        var conversation = activity.Conversation;
        var shared = conversation?.ConversationType is "channel" or "groupChat" ? conversation.Id : null;
        return new Asker(id, from?.Name ?? "someone", TeamsOptions.Platform, email, ChannelId: shared);
    }
}
