using CsBot.Application.Delivery;

namespace CsBot.Application.Tests.Delivery;

public class RetryBackoffTests
{
    private static readonly TimeSpan Base = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan Cap = TimeSpan.FromSeconds(900);

    [Fact]
    public void The_ceiling_doubles_per_attempt_until_the_cap()
    {
        var backoff = new RetryBackoff(Base, Cap, new Random(1));

        Assert.Equal([5, 10, 20, 40, 80, 160, 320, 640, 900, 900], Enumerable.Range(1, 10).Select(n => backoff.Ceiling(n).TotalSeconds));
        Assert.Equal(Cap, backoff.Ceiling(1000));
    }

    [Fact]
    public void Full_jitter_stays_within_zero_and_the_ceiling_and_spreads_out()
    {
        var backoff = new RetryBackoff(Base, Cap, new Random(42));

        for (var attempt = 1; attempt <= 12; attempt++)
        {
            var waits = Enumerable.Range(0, 200).Select(_ => backoff.Next(attempt, null)).ToList();
            Assert.All(waits, w => Assert.InRange(w, TimeSpan.Zero, backoff.Ceiling(attempt)));
            // Spread, not a constant: retries of messages that failed together do not come back in lock-step.
            Assert.True(waits.Distinct().Count() > 150, $"attempt {attempt}: only {waits.Distinct().Count()} distinct waits");
        }
    }

    [Fact]
    public void Retry_after_wins_only_when_it_asks_for_longer()
    {
        var backoff = new RetryBackoff(Base, Cap, new FixedRandom(0.5));

        Assert.Equal(TimeSpan.FromSeconds(30), backoff.Next(1, TimeSpan.FromSeconds(30)));
        Assert.Equal(TimeSpan.FromSeconds(2.5), backoff.Next(1, TimeSpan.FromSeconds(1)));
        Assert.Equal(TimeSpan.FromSeconds(2.5), backoff.Next(1, null));
    }
}
