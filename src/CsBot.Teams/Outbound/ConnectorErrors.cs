using System.Globalization;
using System.Net;
using CsBot.Core.Ports;
using Microsoft.Bot.Schema;

namespace CsBot.Teams.Outbound;

/// <summary>
/// What a Bot Connector failure means for the outbox. Throttling (429), concurrent writes (412) and gateway
/// trouble (5xx) are worth retrying, after Retry-After when Teams sends it. A user who blocked the bot, a bot
/// removed from the conversation or disabled by an admin, a missing conversation or an oversized card will fail
/// the same way again, so they are permanent, with Teams' error code in the message. The Connector throttles per bot,
/// so a 429 with Retry-After pauses every send to Teams until then, not only the throttled message.
/// </summary>
public static class ConnectorErrors
{
    public static SendResult ToSendResult(Exception exception, DateTimeOffset now) => exception switch
    {
        ErrorResponseException e => FromStatus(
            e.Response?.StatusCode ?? 0,
            e.Body?.Error?.Code,
            e.Body?.Error?.Message ?? e.Message,
            RetryAfter(e.Response?.Headers, now)),
        HttpRequestException e => SendResult.Failed($"Teams could not be reached: {e.Message}", transient: true),
        TaskCanceledException or TimeoutException => SendResult.Failed("Teams did not answer in time.", transient: true),
        _ => SendResult.Failed($"Sending to Teams failed: {exception.GetType().Name}: {exception.Message}", transient: true),
    };

    public static SendResult FromStatus(HttpStatusCode status, string? code, string? message, TimeSpan? retryAfter)
    {
        var text = $"Teams answered {(int)status} {code ?? status.ToString()}: {message}";
        return (int)status switch
        {
            429 when retryAfter is { } wait => SendResult.Limited(text, wait),
            429 or 412 or 408 => SendResult.Failed(text, transient: true, retryAfter),
            >= 500 => SendResult.Failed(text, transient: true, retryAfter),
            _ => SendResult.Failed(Explain(code, text), transient: false),
        };
    }

    private static string Explain(string? code, string text) => code switch
    {
        "ConversationBlockedByUser" => text + " (the person blocked CsBot in Teams)",
        "BotNotInConversationRoster" => text + " (CsBot is no longer installed there; reinstall the app in that chat or team)",
        "BotDisabledByAdmin" => text + " (a Teams admin disabled CsBot for this tenant)",
        "MessageSizeTooBig" => text + " (the card is larger than Teams accepts)",
        _ => text,
    };

    private static TimeSpan? RetryAfter(IDictionary<string, IEnumerable<string>>? headers, DateTimeOffset now)
    {
        if (headers is null) return null;
        var value = headers.FirstOrDefault(h => h.Key.Equals("Retry-After", StringComparison.OrdinalIgnoreCase)).Value?.FirstOrDefault();
        if (string.IsNullOrWhiteSpace(value)) return null;
        if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds >= 0)
            return TimeSpan.FromSeconds(seconds);
        if (DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at))
            return at > now ? at - now : TimeSpan.Zero;
        return null;
    }
}
