namespace CsBot.Core.Messaging;

/// <summary>
/// A platform-neutral message: what CsBot wants to say, not how a platform draws it. Slack renders it as
/// Block Kit, Teams as an Adaptive Card, the local sink as coloured console text. <see cref="FallbackText"/> is the
/// one-line notification preview.
/// <para>Every string here (and in sections, fields and button labels) is plain text, never markup, and may hold
/// customer data as typed: an account called "*Acme* &lt;!channel&gt;" is shown exactly so. Builders never write
/// platform syntax; emphasis comes from the structure (a section's heading, a field's label) and each renderer
/// escapes everything it places in its own markup language.</para>
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
    /// <summary>Charts sent after this message once its text is delivered: the text never waits for a picture.</summary>
    public IReadOnlyList<PictureRequest> FollowedBy { get; init; } = [];
    /// <summary>The picture this message shows (a chart following an answer, alert or digest); null for text messages.</summary>
    public MessagePicture? Picture { get; init; }

    public string PreviewText => FallbackText ?? Title;
}
