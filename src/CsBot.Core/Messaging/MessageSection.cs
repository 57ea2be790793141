namespace CsBot.Core.Messaging;

/// <summary>A block of a message: an optional heading, text lines, label/value fields, and actions that belong to it.</summary>
public sealed record MessageSection
{
    public string? Heading { get; init; }
    public string? Text { get; init; }
    public IReadOnlyList<MessageField> Fields { get; init; } = [];
    public AccountLink? Account { get; init; }
    public IReadOnlyList<MessageAction> Actions { get; init; } = [];
}

public sealed record MessageField(string Label, string Value);

/// <summary>A reference to an account a platform can make clickable.</summary>
public sealed record AccountLink(string AccountId, string Name);
