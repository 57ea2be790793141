using CsBot.Application.ReadModel;
using CsBot.Core.Metrics;
using CsBot.Core.Signals;
using CsBot.DemoData;

namespace CsBot.Application.Tests.ReadModel;

/// <summary>
/// The read model holds every account's signals packed and unpacks them on use, so a CS team's portfolio fits a small
/// VM: what it answers must be what the signals say, and what it holds must stay near the packed size.
/// </summary>
public sealed class PackedPortfolioTests
{
    private static readonly DateOnly Today = new(2026, 11, 16);
    private static readonly IReadOnlyList<AccountSignals> Demo = DemoPortfolio.Generate(Today, 300);
    private readonly PortfolioSnapshot _snapshot = new(Demo);

    [Fact]
    public void Every_account_unpacks_to_the_signals_it_was_given()
    {
        foreach (var signals in Demo)
        {
            var held = _snapshot.SignalsOf(signals.Account.Id)!;
            Assert.Equal(signals.Usage, held.Usage);
            Assert.Equal(signals.Tickets, held.Tickets);
            Assert.Equal(signals.Surveys, held.Surveys);
            Assert.Equal(signals.Invoices, held.Invoices);
            Assert.Equal(signals.RevenueEvents, held.RevenueEvents);
            Assert.Equal(signals.RenewalOutcomes, held.RenewalOutcomes);
            Assert.Equal(signals.Account, _snapshot.AccountOf(signals.Account.Id));
            Assert.Equal(signals.Account, held.Account);
        }
    }

    [Fact]
    public void Accounts_of_one_owner_hold_one_copy_of_the_owner_and_of_their_segment_and_plan()
    {
        // Read from a store, every account's record comes with its own copies; the snapshot keeps one of each.
        var copies = new PortfolioSnapshot(Demo.Select(s => s with
        {
            Account = s.Account with { Owner = s.Account.Owner with { }, Segment = new string(s.Account.Segment), Plan = new string(s.Account.Plan) },
        }));

        var first = copies.Accounts[0];
        var twin = copies.Accounts.Skip(1).First(a => a.Owner == first.Owner && a.Segment == first.Segment && a.Plan == first.Plan);

        Assert.Same(first.Owner, twin.Owner);
        Assert.Same(first.Segment, twin.Segment);
        Assert.Same(first.Plan, twin.Plan);
        Assert.Equal(Demo.Select(s => s.Account), copies.Accounts);
        var patched = copies.Patch([Demo[5] with { Account = Demo[5].Account with { Owner = first.Owner with { }, Mrr = 1m } }]);
        Assert.Same(first.Owner, patched.Accounts[5].Owner);
    }

    [Fact]
    public void A_renamed_account_is_found_by_its_new_name_in_the_patched_copy_and_the_copy_before_keeps_its_look_up()
    {
        var renamed = Demo[7] with { Account = Demo[7].Account with { Name = "Zanzibar Renamed Holdings" } };
        var usageOnly = Demo[8] with { Usage = [.. Demo[8].Usage.Skip(1)] };

        var patched = _snapshot.Patch([renamed]);
        var patchedAgain = patched.Patch([usageOnly]);

        Assert.Equal(Demo[7].Account.Id, patched.Matcher.Match("zanzibar renamed holdings").Account?.Id);
        Assert.Equal(Demo[7].Account.Id, _snapshot.Matcher.Match(Demo[7].Account.Name).Account?.Id);
        // A patch that changes no account record keeps the look-up it had.
        Assert.Same(patched.Matcher, patchedAgain.Matcher);
    }

    [Fact]
    public void A_demo_account_with_half_a_year_of_usage_is_held_in_under_three_kilobytes()
    {
        var bytes = _snapshot.Packed.Sum(p => (long)p.PackedBytes);

        // As objects a demo account's signals took about 17 KB of heap (1.7 GB at 100k accounts).
        Assert.InRange(bytes / Demo.Count, 100, 3_000);
    }

    public static TheoryData<MetricKind, string?> EveryMetric()
    {
        var data = new TheoryData<MetricKind, string?>();
        foreach (var metric in Enum.GetValues<MetricKind>())
            foreach (var segment in new[] { null, "Enterprise", "smb " })
                data.Add(metric, segment);
        return data;
    }

    [Theory]
    [MemberData(nameof(EveryMetric))]
    public void Every_metric_of_the_packed_portfolio_is_the_one_of_its_signals(MetricKind metric, string? segment)
    {
        // The snapshot leaves usage packed for the metrics that do not read it: a metric that does must still see it.
        var calculator = new MetricsCalculator(new MetricsOptions(), () => Today);
        var quarter = new DateRange(Today.AddDays(-90), Today);

        var held = _snapshot.Metric(calculator, metric, quarter, segment);
        var direct = calculator.Compute(metric, [.. Demo], quarter, segment);

        Assert.Equal(direct.Value, held.Value);
        Assert.Equal(direct.ExactValue, held.ExactValue);
        Assert.Equal(direct.Formula, held.Formula);
        Assert.Equal(direct.Inputs, held.Inputs);
        Assert.Equal(direct.Note, held.Note);
    }
}
