using CsBot.Core.Messaging;
using CsBot.Core.Ports;

namespace CsBot.Storage.PostgreSql;

/// <summary>
/// Conversations chat platforms can post into ("conversations", the conversation as JSON beside the folded keys it is
/// found by) and the payloads of posted messages that may be updated later ("posted_messages"), shared by every
/// instance: a card posted by one CsBot can be updated when its button is pressed on another.
/// </summary>
public sealed class PostgreSqlConversationStore(PostgreSqlDatabase database) : IConversationStore
{
    private readonly PostgreSqlDatabase _database = database ?? throw new ArgumentNullException(nameof(database));

    public void Save(ChatConversation conversation)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        if (string.IsNullOrEmpty(conversation.Platform) || string.IsNullOrEmpty(conversation.ConversationId))
            throw new ArgumentException("A conversation needs a platform and an id.", nameof(conversation));
        _database.With(c => Sql.Execute(c, null, """
            INSERT INTO conversations (platform, conversation_id, scope, email_key, user_key, channel_key, digest_subscribed, updated_at, conversation_json)
            VALUES (@platform, @id, @scope, @email, @user, @channel, @digest, @updated, @json)
            ON CONFLICT (platform, conversation_id) DO UPDATE SET scope = excluded.scope, email_key = excluded.email_key, user_key = excluded.user_key,
                channel_key = excluded.channel_key, digest_subscribed = excluded.digest_subscribed, updated_at = excluded.updated_at,
                conversation_json = excluded.conversation_json
            """,
            ("platform", conversation.Platform), ("id", conversation.ConversationId), ("scope", conversation.Scope.ToString()),
            ("email", Fold(conversation.Email)), ("user", Fold(conversation.UserId)),
            ("channel", conversation.Scope == ConversationScope.Channel ? FoldChannel(conversation.ChannelName) : null),
            ("digest", conversation.DigestSubscribed), ("updated", conversation.UpdatedAt), ("json", StoredJson.Write(conversation))));
    }

    public ChatConversation? Get(string platform, string conversationId) =>
        Query("WHERE platform = @platform AND conversation_id = @id", ("platform", platform), ("id", conversationId)).SingleOrDefault();

    public ChatConversation? FindPerson(string platform, string emailOrUserId)
    {
        var key = Fold(emailOrUserId);
        if (key is null) return null;
        return Query($"WHERE platform = @platform AND scope = '{nameof(ConversationScope.Personal)}' AND (email_key = @key OR user_key = @key) ORDER BY updated_at DESC LIMIT 1",
            ("platform", platform), ("key", key)).SingleOrDefault();
    }

    public ChatConversation? FindChannel(string platform, string channelName) => FindChannels(platform, channelName).FirstOrDefault();

    public IReadOnlyList<ChatConversation> FindChannels(string platform, string channelName)
    {
        var key = FoldChannel(channelName);
        if (key is null) return [];
        return Query("WHERE platform = @platform AND channel_key = @key ORDER BY updated_at DESC", ("platform", platform), ("key", key));
    }

    public IReadOnlyList<ChatConversation> GetDigestSubscribers(string platform) =>
        Query("WHERE platform = @platform AND digest_subscribed ORDER BY conversation_id", ("platform", platform));

    public void RememberMessage(string platform, string conversationId, string messageId, string payload, DateTimeOffset sentAt)
    {
        ArgumentNullException.ThrowIfNull(payload);
        _database.With(c => Sql.Execute(c, null, """
            INSERT INTO posted_messages (platform, conversation_id, message_id, payload, sent_at) VALUES (@platform, @conversation, @message, @payload, @sent)
            ON CONFLICT (platform, conversation_id, message_id) DO UPDATE SET payload = excluded.payload, sent_at = excluded.sent_at
            """, ("platform", platform), ("conversation", conversationId), ("message", messageId), ("payload", payload), ("sent", sentAt)));
    }

    public string? RecallMessage(string platform, string conversationId, string messageId) =>
        _database.With(c => Sql.Scalar(c, null, "SELECT payload FROM posted_messages WHERE platform = @platform AND conversation_id = @conversation AND message_id = @message",
            ("platform", platform), ("conversation", conversationId), ("message", messageId))) as string;

    public int ForgetMessagesBefore(DateTimeOffset before) =>
        _database.With(c => Sql.Execute(c, null, "DELETE FROM posted_messages WHERE sent_at < @before", ("before", before)));

    private List<ChatConversation> Query(string where, params (string, object?)[] parameters) =>
        _database.With(c => Sql.Rows(c, null, $"SELECT conversation_json FROM conversations {where}", r => StoredJson.Read<ChatConversation>(r.GetString(0)), parameters));

    private static string? Fold(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim().ToLowerInvariant();

    private static string? FoldChannel(string? name) => Fold(name?.Trim().TrimStart('#'));
}
