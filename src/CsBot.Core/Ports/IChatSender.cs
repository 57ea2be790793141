using CsBot.Core.Messaging;

namespace CsBot.Core.Ports;

/// <summary>Delivers a rendered message on one chat platform (local console, Slack, Teams).</summary>
public interface IChatSender
{
    string Platform { get; }
    Task<SendResult> SendAsync(OutgoingMessage message, CancellationToken cancellationToken);
}

/// <summary>
/// What a platform said about a delivery. <see cref="RetryAfter"/> is set when the platform asked us to wait;
/// <see cref="RateLimited"/> when that wait applies to every send to the platform, not only to this message.
/// </summary>
public sealed record SendResult(bool Delivered, string? PlatformMessageId = null, string? Error = null, bool Transient = false, TimeSpan? RetryAfter = null,
    bool RateLimited = false)
{
    /// <summary>
    /// The send failed in a way that does not say the platform refused it (a timeout, a lost connection, a server
    /// error): it may have taken the message, so the next attempt first looks for it (<see cref="ISentMessageLookup"/>).
    /// </summary>
    public bool Unconfirmed { get; init; }

    public static SendResult Ok(string? platformMessageId = null) => new(true, platformMessageId);
    public static SendResult Failed(string error, bool transient, TimeSpan? retryAfter = null) => new(false, null, error, transient, retryAfter);

    /// <summary>The platform refused because we send too fast: nothing more should be sent to it for <paramref name="retryAfter"/>.</summary>
    public static SendResult Limited(string error, TimeSpan retryAfter) => new(false, null, error, true, retryAfter, RateLimited: true);
}
