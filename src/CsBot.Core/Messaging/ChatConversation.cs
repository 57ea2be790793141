namespace CsBot.Core.Messaging;

/// <summary>
/// A conversation a chat platform lets CsBot post into later, unprompted: a person's one-to-one chat, a group chat
/// or a team channel, with who or what it is so alerts and digests can be addressed by email or channel name.
/// <see cref="Reference"/> is the platform's own address for it, opaque here (Teams: a serialized conversation
/// reference), so changing the platform SDK never changes the stored shape around it.
/// </summary>
public sealed record ChatConversation
{
    public required string Platform { get; init; }
    public required string ConversationId { get; init; }
    public required ConversationScope Scope { get; init; }
    public required string Reference { get; init; }
    public required DateTimeOffset UpdatedAt { get; init; }

    /// <summary>The platform's id for the person (Teams: the Entra/AAD object id), for one-to-one chats.</summary>
    public string? UserId { get; init; }
    public string? Email { get; init; }
    public string? DisplayName { get; init; }
    /// <summary>The channel's name as people say it ("cs-alerts"), for channels.</summary>
    public string? ChannelName { get; init; }
    public string? TeamName { get; init; }
    /// <summary>The platform's id for the team a channel belongs to (Teams: the General channel's conversation id), so names are resolved within one team.</summary>
    public string? TeamId { get; init; }
    public string? TenantId { get; init; }
    /// <summary>Someone asked for the weekly digest to be posted here.</summary>
    public bool DigestSubscribed { get; init; }
}

public enum ConversationScope
{
    Personal,
    GroupChat,
    Channel,
}
