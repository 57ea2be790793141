using CsBot.Application.ReadModel;
using CsBot.Core.Accounts;
using CsBot.Core.Metrics;
using CsBot.Core.Signals;

namespace CsBot.Application.Tests.ReadModel;

public sealed class RenewalRateCacheTests
{
    /// <summary>No write happens, but the renewal date passes: the cached "comes due later" must not outlive the day.</summary>
    [Fact]
    public void A_cached_renewal_rate_is_worked_out_again_on_a_new_day()
    {
        var today = new DateOnly(2026, 8, 14);
        var calculator = new MetricsCalculator(new MetricsOptions(), () => today);
        var account = new Account
        {
            Id = "a", ExternalId = "A", Name = "Acme", Mrr = 1_000m, StartDate = new(2025, 1, 1), RenewalDate = new(2026, 8, 15),
            Owner = new Person("Dana", "dana@example.com"),
        };
        var snapshot = new PortfolioSnapshot([new AccountSignals { Account = account }]);
        var q3 = new DateRange(new(2026, 7, 1), new(2026, 9, 30));

        var before = snapshot.Metric(calculator, MetricKind.RenewalRate, q3, null);
        today = new DateOnly(2026, 8, 16);
        var after = snapshot.Metric(calculator, MetricKind.RenewalRate, q3, null);

        Assert.Null(before.Value);
        Assert.Contains("comes due later", before.Note);
        Assert.Equal(100.0m, after.Value);
    }
}
