namespace CsBot.Application.Asking;

/// <summary>Who asked, as the chat platform told us. <see cref="Email"/> links the chat user to CSM ownership.</summary>
public sealed record Asker(string UserId, string DisplayName, string Platform, string? Email = null, string? TimeZone = null)
{
    public static Asker Local(string name = "local user") => new("local", name, "local");
}
