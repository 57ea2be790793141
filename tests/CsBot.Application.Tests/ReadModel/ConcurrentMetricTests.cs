using CsBot.Application.ReadModel;
using CsBot.Core.Accounts;
using CsBot.Core.Metrics;
using CsBot.Core.Signals;

namespace CsBot.Application.Tests.ReadModel;

public sealed class ConcurrentMetricTests
{
    /// <summary>
    /// Right after the read model is loaded many askers ask the same metric at once; at 100k accounts each computation is
    /// about a second of CPU, so it must be worked out once and shared, not once per asker.
    /// </summary>
    [Fact]
    public void Askers_of_the_same_metric_at_once_share_one_computation()
    {
        const int others = 7;
        var calls = 0;
        Thread? first = null;
        var otherThreads = new Thread[others];
        var snapshot = new PortfolioSnapshot([new AccountSignals
        {
            Account = new Account
            {
                Id = "a", ExternalId = "A", Name = "Acme", Mrr = 1_000m, StartDate = new(2025, 1, 1), RenewalDate = new(2026, 8, 15),
                Owner = new Person("Dana", "dana@example.com"),
            },
        }]);
        // The renewal rate asks for today once for the cache key and once while it is worked out: the first asker's second
        // call is its computation, held until every other asker has either started a computation of its own or is waiting.
        var firstCalls = 0;
        var calculator = new MetricsCalculator(new MetricsOptions(), () =>
        {
            Interlocked.Increment(ref calls);
            if (Thread.CurrentThread == first && ++firstCalls == 2)
                Assert.True(SpinWait.SpinUntil(() => otherThreads.All(t => t.ThreadState is ThreadState.WaitSleepJoin or ThreadState.Stopped), TimeSpan.FromSeconds(30)));
            return new DateOnly(2026, 8, 16);
        });
        var q3 = new DateRange(new(2026, 7, 1), new(2026, 9, 30));
        var results = new MetricResult?[others + 1];
        first = new Thread(() => results[0] = snapshot.Metric(calculator, MetricKind.RenewalRate, q3, null));
        for (var i = 0; i < others; i++)
        {
            var at = i + 1;
            otherThreads[i] = new Thread(() => results[at] = snapshot.Metric(calculator, MetricKind.RenewalRate, q3, null));
        }

        first.Start();
        // The first asker is inside its computation before the others ask.
        Assert.True(SpinWait.SpinUntil(() => Volatile.Read(ref calls) >= 2, TimeSpan.FromSeconds(30)));
        foreach (var thread in otherThreads) thread.Start();
        first.Join();
        foreach (var thread in otherThreads) thread.Join();

        Assert.All(results, r => Assert.Equal(100.0m, r!.Value));
        // One cache-key call per asker and one computation in all.
        Assert.Equal(others + 1 + 1, calls);
    }
}
