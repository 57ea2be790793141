namespace CsBot.Core.Messaging;

/// <summary>
/// Who a message goes to. <see cref="Key"/> is stable across platforms (an email for people, a channel name for
/// channels); each platform resolves it to its own ids.
/// </summary>
public sealed record Recipient(RecipientKind Kind, string Key, string DisplayName, string? TimeZone = null)
{
    public static Recipient Person(string email, string name, string? timeZone = null) => new(RecipientKind.User, email, name, timeZone);
    public static Recipient Channel(string name) => new(RecipientKind.Channel, name, "#" + name.TrimStart('#'));
}
