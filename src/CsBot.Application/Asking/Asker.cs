namespace CsBot.Application.Asking;

/// <summary>
/// Who asked, and where, as the chat platform told us. <see cref="Email"/> links the chat user to CSM ownership.
/// <see cref="ChannelId"/> is set when the question was asked in a shared channel rather than a direct
/// conversation: restricted numbers are then not shown, because everyone in the channel would see them. It is also
/// the address a digest subscribed from there is sent to, so each platform gives what its sender resolves.
/// <see cref="ConversationId"/> is where the question was asked as the platform tells conversations apart (a Slack
/// channel or thread, a Teams conversation, a playground session): follow-ups are read against the last question of
/// the same person there. Without one, nothing is remembered.
/// </summary>
public sealed record Asker(string UserId, string DisplayName, string Platform, string? Email = null, string? TimeZone = null, string? ChannelId = null)
{
    public bool InSharedChannel => ChannelId is not null;

    public string? ConversationId { get; init; }

    public static Asker Local(string name = "local user") => new("local", name, "local");
}
