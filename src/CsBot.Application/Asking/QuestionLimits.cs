using CsBot.Core.Formatting;
using CsBot.Core.Messaging;

namespace CsBot.Application.Asking;

/// <summary>
/// How long a question may be, on every surface (Slack, Teams, the playground, /api/local/ask, the console): parsing
/// and name matching cost grows with the text, and a megabyte of it took seconds of CPU. No real question comes
/// near the limit; a longer one gets a polite reply that says the limit, without being read.
/// </summary>
public static class QuestionLimits
{
    /// <summary>The most characters a question may have.</summary>
    public const int MaxLength = 2_000;

    public static bool IsTooLong(string text) => text.Length > MaxLength;

    public static ChatMessage TooLong(string text) => new()
    {
        Title = $"That question is too long for me ({Format.Count(text.Length)} characters)",
        FallbackText = $"I read questions of up to {Format.Count(MaxLength)} characters. Please ask a shorter one.",
        Sections = [new MessageSection { Text = $"I read questions of up to {Format.Count(MaxLength)} characters. Please ask a shorter one, e.g. \"{HelpMessages.Examples[0]}\", or type \"help\"." }],
    };
}
