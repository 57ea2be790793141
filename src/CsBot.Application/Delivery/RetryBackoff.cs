namespace CsBot.Application.Delivery;

/// <summary>
/// Exponential back-off with full jitter: after attempt n the wait is uniform in [0, min(cap, base × 2^(n-1))).
/// Full jitter spreads retries of messages that failed together (a platform outage) instead of sending them back
/// in lock-step; a platform's Retry-After wins when it asks for longer.
/// </summary>
public sealed class RetryBackoff(TimeSpan baseDelay, TimeSpan maxDelay, Random random)
{
    /// <summary>The jitter-free ceiling after <paramref name="attempt"/> attempts (1-based).</summary>
    public TimeSpan Ceiling(int attempt)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(attempt);
        // 2^30 × any sane base is far beyond the cap; stopping there avoids overflow.
        var factor = Math.Pow(2, Math.Min(attempt - 1, 30));
        var ticks = Math.Min(maxDelay.Ticks, baseDelay.Ticks * factor);
        return TimeSpan.FromTicks((long)ticks);
    }

    /// <summary>How long to wait after <paramref name="attempt"/> attempts, at least <paramref name="retryAfter"/> when given.</summary>
    public TimeSpan Next(int attempt, TimeSpan? retryAfter)
    {
        var jittered = TimeSpan.FromTicks((long)(Ceiling(attempt).Ticks * random.NextDouble()));
        return retryAfter is { } asked && asked > jittered ? asked : jittered;
    }
}
