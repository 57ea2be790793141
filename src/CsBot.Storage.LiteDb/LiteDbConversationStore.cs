using CsBot.Core.Messaging;
using CsBot.Core.Ports;
using CsBot.Storage.LiteDb.Documents;
using LiteDB;

namespace CsBot.Storage.LiteDb;

/// <summary>
/// Conversations chat platforms can post into ("conversations") and the payloads of posted messages that may be
/// updated later ("posted_messages"), in the same database file as everything else.
/// </summary>
public sealed class LiteDbConversationStore : IConversationStore
{
    internal const string Conversations = "conversations";
    internal const string PostedMessages = "posted_messages";

    private readonly LiteDbContext _context;

    public LiteDbConversationStore(LiteDbContext context)
    {
        _context = context ?? throw new ArgumentNullException(nameof(context));
        // Indexes are created here rather than in LiteDbContext so this store stays self-contained; EnsureIndex is a no-op once they exist.
        var conversations = Collection;
        conversations.EnsureIndex(nameof(ConversationDocument.EmailKey));
        conversations.EnsureIndex(nameof(ConversationDocument.UserKey));
        conversations.EnsureIndex(nameof(ConversationDocument.ChannelKey));
        Posted.EnsureIndex(nameof(PostedMessageDocument.SentAtTicks));
    }

    private ILiteCollection<ConversationDocument> Collection => _context.Collection<ConversationDocument>(Conversations);
    private ILiteCollection<PostedMessageDocument> Posted => _context.Collection<PostedMessageDocument>(PostedMessages);

    public void Save(ChatConversation conversation)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        if (string.IsNullOrEmpty(conversation.Platform) || string.IsNullOrEmpty(conversation.ConversationId))
            throw new ArgumentException("A conversation needs a platform and an id.", nameof(conversation));
        Collection.Upsert(ConversationDocument.From(conversation));
    }

    public ChatConversation? Get(string platform, string conversationId) =>
        Collection.FindById(ConversationDocument.KeyFor(platform, conversationId))?.ToConversation();

    public ChatConversation? FindPerson(string platform, string emailOrUserId)
    {
        var key = ConversationDocument.Fold(emailOrUserId);
        if (key is null) return null;
        var found = Collection.Find(Query.EQ(nameof(ConversationDocument.EmailKey), key))
            .Concat(Collection.Find(Query.EQ(nameof(ConversationDocument.UserKey), key)));
        return Latest(found.Where(d => d.Platform == platform && d.Scope == ConversationScope.Personal));
    }

    public ChatConversation? FindChannel(string platform, string channelName)
    {
        var key = ConversationDocument.FoldChannel(channelName);
        if (key is null) return null;
        return Latest(Collection.Find(Query.EQ(nameof(ConversationDocument.ChannelKey), key)).Where(d => d.Platform == platform));
    }

    public IReadOnlyList<ChatConversation> FindChannels(string platform, string channelName)
    {
        var key = ConversationDocument.FoldChannel(channelName);
        if (key is null) return [];
        return [.. Collection.Find(Query.EQ(nameof(ConversationDocument.ChannelKey), key))
            .Where(d => d.Platform == platform)
            .OrderByDescending(d => d.UpdatedAt.UtcTicks)
            .Select(d => d.ToConversation())];
    }

    public IReadOnlyList<ChatConversation> GetDigestSubscribers(string platform) =>
        [.. Collection.Find(d => d.Platform == platform && d.DigestSubscribed).Select(d => d.ToConversation()).OrderBy(c => c.ConversationId, StringComparer.Ordinal)];

    public void RememberMessage(string platform, string conversationId, string messageId, string payload, DateTimeOffset sentAt)
    {
        ArgumentNullException.ThrowIfNull(payload);
        Posted.Upsert(new PostedMessageDocument { Id = MessageKey(platform, conversationId, messageId), Payload = payload, SentAtTicks = sentAt.UtcTicks });
    }

    public string? RecallMessage(string platform, string conversationId, string messageId) =>
        Posted.FindById(MessageKey(platform, conversationId, messageId))?.Payload;

    public int ForgetMessagesBefore(DateTimeOffset before) =>
        Posted.DeleteMany(Query.LT(nameof(PostedMessageDocument.SentAtTicks), before.UtcTicks));

    private static ChatConversation? Latest(IEnumerable<ConversationDocument> documents) =>
        documents.OrderByDescending(d => d.UpdatedAt.UtcTicks).FirstOrDefault()?.ToConversation();

    private static string MessageKey(string platform, string conversationId, string messageId) => $"{platform}|{conversationId}|{messageId}";
}
