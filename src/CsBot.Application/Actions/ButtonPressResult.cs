using CsBot.Core.Alerts;
using CsBot.Core.Messaging;

namespace CsBot.Application.Actions;

/// <summary>
/// What a pressed button did, for the platform to render. <see cref="Reply"/> always goes to the presser;
/// <see cref="UpdatedOriginal"/>, when set, replaces the message the button was on.
/// </summary>
public sealed record ButtonPressResult(ChatMessage Reply)
{
    /// <summary>The original message redrawn after the press (the alert marked, its buttons gone): update it in place.</summary>
    public ChatMessage? UpdatedOriginal { get; init; }

    /// <summary>
    /// The original only asked the presser to choose (a "did you mean" list) and <see cref="Reply"/> answers that
    /// choice, so a platform that can swap the original for the reply may do so instead of posting below it.
    /// </summary>
    public bool ReplyAnswersOriginal { get; init; }

    /// <summary>The question the button asked on the presser's behalf (Choose, Why), to show as theirs; null otherwise.</summary>
    public string? Question { get; init; }

    /// <summary>True when the press changed an alert (acknowledged or snoozed it); asking a question changes nothing.</summary>
    public bool Applied { get; init; }

    /// <summary>The alert the press was about, when it was an alert action and the alert exists.</summary>
    public Alert? Alert { get; init; }
}
