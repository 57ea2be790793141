namespace CsBot.Slack.Api;

/// <summary>Who the token belongs to (auth.test): the bot's own user id lets CsBot ignore its own messages.</summary>
public sealed record SlackAuthInfo(string BotUserId, string TeamId, string TeamName, string? BotId);

/// <summary>Where a message landed: its channel and timestamp, which together identify it for chat.update.</summary>
public sealed record SlackPostedMessage(string Channel, string Ts);

/// <summary>A Slack user as users.info / users.lookupByEmail describe them. <see cref="TimeZone"/> is an IANA id such as "Europe/London".</summary>
public sealed record SlackUser(string Id, string Name, string? Email, string? TimeZone);

/// <summary>A message from conversations.history or conversations.replies: its ts and the metadata CsBot attached when it posted it.</summary>
public sealed record SlackHistoryMessage(string Ts, string? MetadataEventType, System.Text.Json.JsonElement? MetadataPayload);

internal sealed record HistoryResponse(IReadOnlyList<HistoryMessage>? Messages);

internal sealed record HistoryMessage(string? Ts, MessageMetadata? Metadata);

internal sealed record MessageMetadata(string? EventType, System.Text.Json.JsonElement? EventPayload);

internal sealed record ConversationsListResponse(IReadOnlyList<ChannelInfo>? Channels, ResponseMetadata? ResponseMetadata);

internal sealed record ChannelInfo(string? Id, string? Name);

internal sealed record ResponseMetadata(string? NextCursor);

internal sealed record AuthTestResponse(string? UserId, string? TeamId, string? Team, string? BotId);

internal sealed record PostMessageResponse(string? Channel, string? Ts);

internal sealed record ConversationsOpenResponse(ChannelRef? Channel);

internal sealed record ChannelRef(string? Id);

internal sealed record UserResponse(UserBody? User);

internal sealed record UserBody(string? Id, string? Name, string? RealName, string? Tz, UserProfile? Profile);

internal sealed record UserProfile(string? Email, string? RealName, string? DisplayName);
