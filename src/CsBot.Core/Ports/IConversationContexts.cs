using CsBot.Core.Conversations;

namespace CsBot.Core.Ports;

/// <summary>
/// The last question's meaning per person and conversation (<see cref="ConversationContext"/>), kept in the database
/// so a restart or a second instance still follows up. Only the latest context per key is kept; a context is gone
/// once its expiry has passed by the store's clock.
/// </summary>
public interface IConversationContexts
{
    /// <summary>The context saved under <paramref name="key"/>, or null when there is none or it has expired.</summary>
    ConversationContext? Find(string key);

    /// <summary>Replaces whatever was saved under <paramref name="key"/>; forgotten at <paramref name="expiresAt"/>.</summary>
    void Save(string key, ConversationContext context, DateTimeOffset expiresAt);
}
