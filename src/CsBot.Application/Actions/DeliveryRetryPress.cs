using CsBot.Application.Access;
using CsBot.Application.Asking;
using CsBot.Application.Delivery.Failures;
using CsBot.Core.Formatting;
using CsBot.Core.Messaging;
using Microsoft.Extensions.Logging;

namespace CsBot.Application.Actions;

/// <summary>
/// The "Retry all" button of an admin-channel failure post: requeues every dead letter with the post's cause,
/// for admins only (<see cref="AccessPolicy.DeliveryRetryRefusal"/>), and marks the post as retried.
/// </summary>
internal static class DeliveryRetryPress
{
    public static ButtonPressResult Handle(ButtonPress press, FailedDeliveries failures, Role role, ILogger logger)
    {
        if (AccessPolicy.DeliveryRetryRefusal(role) is { } why)
        {
            logger.LogWarning("Retry of {Cause} refused for {Platform} user {User}: not an admin", press.Value, press.Asker.Platform, press.Asker.UserId);
            return new ButtonPressResult(HelpMessages.Refused(why));
        }
        var retried = failures.Retry(press.Value);
        var count = retried.Sum(g => g.Count);
        logger.LogInformation("{Platform} user {User} retried {Count} failed message(s) with cause {Cause}", press.Asker.Platform, press.Asker.UserId, count, press.Value);
        if (count == 0)
            return new ButtonPressResult(Notice("Nothing to retry",
                "No failed message has that cause any more: it was retried already. GET /api/local/outbox?state=DeadLetter lists what is still failing."));
        var lines = string.Join("\n", retried.Select(g => $"{Format.Count(g.Count, "message")} to {g.Recipients}"));
        var reply = Notice($"Retrying {Format.Count(count, "message")}",
            $"{lines}\nQueued again now. If the cause is not fixed yet they fail again and are reported here once more.");
        return new ButtonPressResult(reply)
        {
            Applied = true,
            UpdatedOriginal = press.Original is { } original ? failures.MarkRetried(original, press.Asker.DisplayName, count) : null,
        };
    }

    private static ChatMessage Notice(string title, string text) => new() { Title = title, FallbackText = title, Sections = [new MessageSection { Text = text }] };
}
