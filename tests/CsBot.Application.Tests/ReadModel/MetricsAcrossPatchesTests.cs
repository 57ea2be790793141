using CsBot.Application.ReadModel;
using CsBot.Application.Tests.Digest;
using CsBot.Core.Metrics;
using CsBot.Core.Signals;

namespace CsBot.Application.Tests.ReadModel;

/// <summary>
/// Metric results kept on a portfolio snapshot outlive a write that changed only usage (read back from the store as
/// equal copies, as an ingestion batch saves them), and only for the metrics that do not read usage.
/// </summary>
public sealed class MetricsAcrossPatchesTests
{
    private static readonly DateRange June = new(new(2026, 6, 1), new(2026, 6, 30));
    private readonly MetricsCalculator _calculator = new(new MetricsOptions(), () => DigestTestPortfolio.Today);
    private readonly PortfolioSnapshot _snapshot = new(DigestTestPortfolio.Data().Portfolio);

    [Fact]
    public void A_usage_batch_keeps_revenue_and_survey_results_and_works_usage_ones_out_again()
    {
        var nrr = _snapshot.Metric(_calculator, MetricKind.NetRevenueRetention, June, null);
        var nps = _snapshot.Metric(_calculator, MetricKind.Nps, June, null);
        var adoption = _snapshot.Metric(_calculator, MetricKind.AdoptionRate, June, null);

        var patched = _snapshot.Patch([Copy(_snapshot.ById["a"]) with { Usage = [new UsageDay(new(2026, 6, 10), 9, 10, 10, 9, 9)] }]);

        Assert.Same(nrr, patched.Metric(_calculator, MetricKind.NetRevenueRetention, June, null));
        Assert.Same(nps, patched.Metric(_calculator, MetricKind.Nps, June, null));
        Assert.NotEqual(adoption.Value, patched.Metric(_calculator, MetricKind.AdoptionRate, June, null).Value);
    }

    [Fact]
    public void A_revenue_write_works_the_revenue_results_out_again()
    {
        var nrr = _snapshot.Metric(_calculator, MetricKind.NetRevenueRetention, June, null);
        var a = _snapshot.ById["a"];

        var patched = _snapshot.Patch([a with { RevenueEvents = [.. a.RevenueEvents.Where(e => e.Kind != RevenueEventKind.Expansion)] }]);

        Assert.Equal(103.7m, nrr.Value);
        Assert.NotEqual(nrr.Value, patched.Metric(_calculator, MetricKind.NetRevenueRetention, June, null).Value);
    }

    /// <summary>Equal to what was saved, but every list and the record new objects, as a read from the store gives them.</summary>
    private static AccountSignals Copy(AccountSignals s) => s with
    {
        Account = s.Account with { Owner = s.Account.Owner with { } },
        Tickets = [.. s.Tickets], Surveys = [.. s.Surveys], Invoices = [.. s.Invoices], RevenueEvents = [.. s.RevenueEvents], RenewalOutcomes = [.. s.RenewalOutcomes],
    };
}
