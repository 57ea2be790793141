using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace CsBot.Teams.Hosting;

/// <summary>
/// A token cannot be checked while the Bot Framework's OpenID metadata (its signing keys) cannot be fetched: the
/// network or the channel is down, the request may well be genuine. That is not CsBot failing (500) nor a forged
/// request (401): the answer is 503 with Retry-After, so the channel retries, and a warning that says what could
/// not be reached, so an admin can fix the network, proxy or Teams:ToBotFromChannelOpenIdMetadataUrl.
/// </summary>
public static class ChannelKeysUnavailable
{
    /// <summary>Seconds the channel is asked to wait before it retries.</summary>
    public const int RetryAfterSeconds = 30;

    /// <summary>
    /// True when <paramref name="exception"/> is the metadata fetch failing: IdentityModel reports it as
    /// IDX20803 ("Unable to obtain configuration from ...") or IDX20804 ("Unable to retrieve document from ..."),
    /// or an HTTP failure on the way.
    /// </summary>
    public static bool Is(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is HttpRequestException) return true;
            if (e is InvalidOperationException or IOException && (e.Message.StartsWith("IDX20803", StringComparison.Ordinal) || e.Message.StartsWith("IDX20804", StringComparison.Ordinal)))
                return true;
        }
        return false;
    }

    public static Task AnswerAsync(HttpResponse response, Exception exception, ILogger logger)
    {
        logger.LogWarning("Answered a Teams message with 503: its token could not be checked because the Bot Framework signing keys could not be fetched. {Reason}",
            Reasons(exception));
        response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return Results.Problem(
            title: "Cannot check the Bot Framework token right now",
            detail: "The Bot Framework signing keys could not be fetched; try again later.",
            statusCode: StatusCodes.Status503ServiceUnavailable).ExecuteAsync(response.HttpContext);
    }

    // IdentityModel's messages carry the address and the cause; each level is one sentence of the story.
    private static string Reasons(Exception exception)
    {
        var reasons = new List<string>();
        for (var e = exception; e is not null; e = e.InnerException)
        {
            var line = FirstSentence(e.Message);
            if (!reasons.Contains(line)) reasons.Add(line);
        }
        return string.Join(" <- ", reasons);
    }

    // IDX20803 repeats the inner exceptions with their stack traces (escaped newlines) after "Will retry at".
    private static string FirstSentence(string message)
    {
        var end = message.Length;
        foreach (var marker in new[] { "\n", "\\n", " Will retry at" })
        {
            var at = message.IndexOf(marker, StringComparison.Ordinal);
            if (at >= 0 && at < end) end = at;
        }
        return message[..end].Trim();
    }
}
