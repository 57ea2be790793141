using CsBot.Core.Messaging;

namespace CsBot.Core.Ports;

/// <summary>
/// Where chat platforms keep the conversations they can post into proactively, and the messages they posted
/// there that may be updated in place later (a card whose button was pressed). Keys are (platform, conversation id).
/// </summary>
public interface IConversationStore
{
    /// <summary>Inserts or replaces the conversation by (platform, conversation id).</summary>
    void Save(ChatConversation conversation);
    ChatConversation? Get(string platform, string conversationId);
    /// <summary>The person's one-to-one conversation, by email or platform user id, case-insensitive; the most recently updated wins.</summary>
    ChatConversation? FindPerson(string platform, string emailOrUserId);
    /// <summary>A channel by name ("#cs-alerts" and "cs-alerts" alike), case-insensitive; the most recently updated wins.</summary>
    ChatConversation? FindChannel(string platform, string channelName);
    /// <summary>Every channel of that name, in every team, case-insensitive: for platforms whose channel names repeat across teams.</summary>
    IReadOnlyList<ChatConversation> FindChannels(string platform, string channelName);
    IReadOnlyList<ChatConversation> GetDigestSubscribers(string platform);

    /// <summary>Keeps a posted message's payload (opaque to the store) so a later button press can rebuild it.</summary>
    void RememberMessage(string platform, string conversationId, string messageId, string payload, DateTimeOffset sentAt);
    string? RecallMessage(string platform, string conversationId, string messageId);
    /// <summary>Forgets posted messages older than <paramref name="before"/>; returns how many.</summary>
    int ForgetMessagesBefore(DateTimeOffset before);
}
