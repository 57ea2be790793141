using CsBot.Core.Messaging;

namespace CsBot.Application.Asking;

/// <summary>The reply to a follow-up ("how come?", "show more") with nothing in the conversation to follow.</summary>
public static class FollowUpReplies
{
    private static readonly string[] Examples = ["how is Hooli doing?", "at-risk accounts in Enterprise", "NRR last quarter"];

    /// <param name="hadContext">There was a last question, but the follow-up does not apply to it ("show more" after a health question).</param>
    public static ChatMessage NothingToFollow(string text, bool hadContext, int memoryMinutes)
    {
        var typed = text.Trim();
        var title = hadContext
            ? $"\"{typed}\" doesn't follow from your last question"
            : $"There's nothing earlier in this conversation for \"{typed}\" to follow";
        var why = hadContext
            ? "Follow-ups such as \"and Initrode?\", \"how come?\", \"what about Q2?\", \"just SMB\" or \"show more\" change the last question; this one doesn't fit it."
            : $"I remember your last question here for {memoryMinutes} minutes, so follow-ups such as \"and Initrode?\" or \"show more\" work after it.";
        return new ChatMessage
        {
            Title = title,
            FallbackText = title,
            Sections = [new MessageSection { Text = why + " Ask a whole question, e.g.:\n" + string.Join("\n", Examples.Select(e => "  " + e)) }],
            Actions = [.. Examples.Select(e => new MessageAction(ActionKind.Choose, e, e))],
        };
    }
}
