namespace CsBot.Benchmarks;

/// <summary>A clock stopped at one instant, so every run answers about the same day and the numbers compare.</summary>
internal sealed class FixedTime(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
