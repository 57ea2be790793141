using CsBot.Core.Messaging;

namespace CsBot.Core.Ports;

/// <summary>Delivers a rendered message on one chat platform (local console, Slack, Teams).</summary>
public interface IChatSender
{
    string Platform { get; }
    Task<SendResult> SendAsync(OutgoingMessage message, CancellationToken cancellationToken);
}

/// <summary>What a platform said about a delivery. <see cref="RetryAfter"/> is set when the platform asked us to wait.</summary>
public sealed record SendResult(bool Delivered, string? PlatformMessageId = null, string? Error = null, bool Transient = false, TimeSpan? RetryAfter = null)
{
    public static SendResult Ok(string? platformMessageId = null) => new(true, platformMessageId);
    public static SendResult Failed(string error, bool transient, TimeSpan? retryAfter = null) => new(false, null, error, transient, retryAfter);
}
