using CsBot.Core.Messaging;
using LiteDB;

namespace CsBot.Storage.LiteDb.Documents;

/// <summary>
/// One conversation a platform can post into, collection "conversations", keyed by "platform|conversation id".
/// Email, user id and channel name are also stored folded (lower case, no leading '#') for indexed look-ups.
/// </summary>
internal sealed class ConversationDocument
{
    [BsonId]
    public string Id { get; set; } = "";
    public string Platform { get; set; } = "";
    public string ConversationId { get; set; } = "";
    public ConversationScope Scope { get; set; }
    public string Reference { get; set; } = "";
    public InstantDocument UpdatedAt { get; set; } = new();
    public string? UserId { get; set; }
    public string? Email { get; set; }
    public string? DisplayName { get; set; }
    public string? ChannelName { get; set; }
    public string? TeamName { get; set; }
    public string? TeamId { get; set; }
    public string? TenantId { get; set; }
    public bool DigestSubscribed { get; set; }
    public string? EmailKey { get; set; }
    public string? UserKey { get; set; }
    public string? ChannelKey { get; set; }

    public static string KeyFor(string platform, string conversationId) => platform + "|" + conversationId;

    public static string? Fold(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim().ToLowerInvariant();

    public static string? FoldChannel(string? name) => Fold(name?.Trim().TrimStart('#'));

    public static ConversationDocument From(ChatConversation c) => new()
    {
        Id = KeyFor(c.Platform, c.ConversationId),
        Platform = c.Platform,
        ConversationId = c.ConversationId,
        Scope = c.Scope,
        Reference = c.Reference,
        UpdatedAt = InstantDocument.From(c.UpdatedAt),
        UserId = c.UserId,
        Email = c.Email,
        DisplayName = c.DisplayName,
        ChannelName = c.ChannelName,
        TeamName = c.TeamName,
        TeamId = c.TeamId,
        TenantId = c.TenantId,
        DigestSubscribed = c.DigestSubscribed,
        EmailKey = Fold(c.Email),
        UserKey = Fold(c.UserId),
        ChannelKey = c.Scope == ConversationScope.Channel ? FoldChannel(c.ChannelName) : null,
    };

    public ChatConversation ToConversation() => new()
    {
        Platform = Platform,
        ConversationId = ConversationId,
        Scope = Scope,
        Reference = Reference,
        UpdatedAt = UpdatedAt.ToDateTimeOffset(),
        UserId = UserId,
        Email = Email,
        DisplayName = DisplayName,
        ChannelName = ChannelName,
        TeamName = TeamName,
        TeamId = TeamId,
        TenantId = TenantId,
        DigestSubscribed = DigestSubscribed,
    };
}

/// <summary>A posted message's payload, collection "posted_messages", keyed by "platform|conversation id|message id".</summary>
internal sealed class PostedMessageDocument
{
    [BsonId]
    public string Id { get; set; } = "";
    public string Payload { get; set; } = "";
    /// <summary>UTC ticks, indexed so old messages are forgotten with one range query.</summary>
    public long SentAtTicks { get; set; }
}
