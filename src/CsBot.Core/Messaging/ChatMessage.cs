namespace CsBot.Core.Messaging;

/// <summary>
/// A platform-neutral message: what CsBot wants to say, not how a platform draws it. Slack renders it as
/// Block Kit, Teams as an Adaptive Card, the local sink as coloured console text. Text is plain; a renderer
/// may add emphasis. <see cref="FallbackText"/> is the one-line notification preview.
/// </summary>
public sealed record ChatMessage
{
    public required string Title { get; init; }
    public Severity? Severity { get; init; }
    public string? FallbackText { get; init; }
    public IReadOnlyList<MessageSection> Sections { get; init; } = [];
    public IReadOnlyList<MessageAction> Actions { get; init; } = [];
    /// <summary>Small print under the message (data freshness, "and 3 more"...).</summary>
    public IReadOnlyList<string> Context { get; init; } = [];

    public string PreviewText => FallbackText ?? Title;
}
