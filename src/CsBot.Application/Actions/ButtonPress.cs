using CsBot.Application.Asking;
using CsBot.Core.Messaging;

namespace CsBot.Application.Actions;

/// <summary>
/// A button someone pressed on a message CsBot showed them, as a platform decoded it: the button's
/// <see cref="Kind"/> and <see cref="Value"/> (see <see cref="MessageAction"/>) and who pressed it, where
/// (<see cref="Asker.ChannelId"/> when it was in a shared conversation).
/// </summary>
public sealed record ButtonPress(ActionKind Kind, string Value, Asker Asker)
{
    /// <summary>
    /// The neutral message the button was on, when the platform still has it. An alert action gives it back marked
    /// in <see cref="ButtonPressResult.UpdatedOriginal"/>; without it the presser only gets the reply.
    /// </summary>
    public ChatMessage? Original { get; init; }
}
