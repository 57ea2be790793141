namespace CsBot.Application.Asking;

/// <summary>How long a conversation's last question is remembered for follow-ups. Section "Conversation".</summary>
public sealed class ConversationOptions
{
    public const string SectionName = "Conversation";

    /// <summary>Minutes after the last question that "and initrode?" or "show more" still follow it.</summary>
    public int MemoryMinutes { get; set; } = 30;

    public TimeSpan Memory => TimeSpan.FromMinutes(MemoryMinutes);

    /// <summary>Every problem with these values, each naming its key and the fix. Empty when valid.</summary>
    public IReadOnlyList<string> Validate() => MemoryMinutes is < 1 or > 1440
        ? [$"Conversation:MemoryMinutes is {MemoryMinutes}; use 1 to 1440 (default 30): how long follow-ups such as \"and initrode?\" still follow the last question."]
        : [];
}
