using CsBot.Core;
using CsBot.Core.Formatting;
using CsBot.Core.Messaging;

namespace CsBot.Application.Delivery.Failures;

/// <summary>The admin-channel post for one <see cref="FailureGroup"/>, and how it reads once retried.</summary>
public static class AdminFailureMessage
{
    public static ChatMessage For(FailureGroup group) => new()
    {
        Title = $"Delivery failed: {Format.Count(group.Count, "message")} to {group.Recipients}",
        Severity = Severity.Warning,
        FallbackText = group.Sentence,
        Sections =
        [
            new MessageSection
            {
                Text = group.Sentence + ".",
                Actions = [new MessageAction(ActionKind.RetryDeliveries, group.Count == 1 ? "Retry it" : $"Retry all {group.Count}", group.Cause.Key, ActionStyle.Primary)],
            },
        ],
        Context =
        [
            $"Last error: {group.LastError ?? "none recorded"}",
            $"Once fixed, press the button or POST /api/local/outbox/retry?cause={Uri.EscapeDataString(group.Cause.Key)}",
        ],
    };

    /// <summary>The post after a retry: its button gone (it has been used) and a line saying who retried what.</summary>
    public static ChatMessage Retried(ChatMessage original, string who, int count, DateTimeOffset at) => original with
    {
        Sections = [.. original.Sections.Select(s => s with { Actions = [] })],
        Actions = [],
        Context = [.. original.Context.Where(c => !c.StartsWith("Once fixed", StringComparison.Ordinal)), $"{who} retried {Format.Count(count, "message")} at {Format.Instant(at)}"],
    };
}
