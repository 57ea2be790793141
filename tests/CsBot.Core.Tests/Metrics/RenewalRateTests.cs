using CsBot.Core.Accounts;
using CsBot.Core.Metrics;
using CsBot.Core.Signals;
using static CsBot.Core.Tests.Metrics.MetricsTestAccount;

namespace CsBot.Core.Tests.Metrics;

/// <summary>The renewal rate from sent outcomes, from outcomes derived from revenue data, and the two mixed.</summary>
public sealed class RenewalRateTests
{
    private static readonly DateOnly Today = D(2026, 12, 1);
    private const string WrongReason = "No contracts came up for renewal in the period";
    private readonly MetricsCalculator _calculator = new(new MetricsOptions(), () => Today);

    /// <summary>A paying customer since 2024 (one New event of <paramref name="mrr"/>) with an annual contract renewing on <paramref name="renewal"/>.</summary>
    private static AccountSignals Contract(string id, DateOnly renewal, decimal mrr = 1_000m, ContractKind kind = ContractKind.Annual, int? term = null,
        DateOnly? churnedOn = null, params RevenueEvent[] more)
    {
        var start = D(2024, 1, 10);
        return new AccountSignals
        {
            Account = new Account
            {
                Id = id, ExternalId = $"crm-{id}", Name = $"Account {id}", Mrr = mrr, StartDate = start, ContractKind = kind,
                ContractTermMonths = term, RenewalDate = renewal, ChurnedOn = churnedOn, Owner = new Person("Casey Owner", "casey@example.com"),
            },
            RevenueEvents = [new RevenueEvent($"{id}-new", id, RevenueEventKind.New, mrr, start), .. more],
        };
    }

    private static AccountSignals Churned(string id, DateOnly renewal, DateOnly churnedOn, decimal mrr = 1_000m) =>
        Contract(id, renewal, mrr, churnedOn: churnedOn, more: [new RevenueEvent($"{id}-churn", id, RevenueEventKind.Churn, -mrr, churnedOn)]);

    [Fact]
    public void Sent_outcomes_give_the_rate_and_the_answer_says_so()
    {
        var renewed = Contract("a", D(2026, 8, 1)) with { RenewalOutcomes = [new RenewalOutcome("o1", "a", D(2026, 8, 1), RenewalResult.Renewed, 1_000m, 1_200m)] };
        var downgraded = Contract("b", D(2026, 8, 10)) with { RenewalOutcomes = [new RenewalOutcome("o2", "b", D(2026, 8, 12), RenewalResult.Downgraded, 1_000m, 600m)] };
        var churned = Contract("c", D(2026, 9, 1)) with { RenewalOutcomes = [new RenewalOutcome("o3", "c", D(2026, 9, 1), RenewalResult.Churned, 1_000m, 0m)] };

        var result = _calculator.Compute(MetricKind.RenewalRate, [renewed, downgraded, churned], Q3);

        Assert.Equal(66.7m, result.Value);
        Assert.Equal("Renewal rate 66.7% = renewed 2 / up for renewal 3", result.Formula);
        Assert.Equal("2 renewed of 3 due (1 downgraded). From the renewal outcomes sent.", result.Note);
        Assert.Contains(result.Inputs, i => i is { Name: "MRR up for renewal", Value: 3_000m });
        Assert.Contains(result.Inputs, i => i is { Name: "MRR after renewal", Value: 1_800m });
        Assert.Contains(result.Inputs, i => i is { Name: "outcomes derived", Value: 0m });
    }

    /// <summary>
    /// No outcomes sent: a renewal on the quarter's first day and one on its last day, both still paying, renewed;
    /// one that churned the day after its renewal date did not; a monthly contract is no renewal.
    /// </summary>
    [Fact]
    public void Without_sent_outcomes_they_are_derived_and_named()
    {
        AccountSignals[] portfolio =
        [
            Contract("first", D(2026, 7, 1)),
            Contract("last", D(2026, 9, 30)),
            Churned("gone", D(2026, 8, 14), churnedOn: D(2026, 8, 15)),
            Contract("monthly", D(2026, 8, 1), kind: ContractKind.Monthly),
        ];

        var result = _calculator.Compute(MetricKind.RenewalRate, portfolio, Q3);

        Assert.Equal(66.7m, result.Value);
        Assert.Equal("Renewal rate 66.7% = renewed 2 / up for renewal 3", result.Formula);
        Assert.StartsWith("2 renewed of 3 due. No renewal outcomes were sent for these contracts, so all were derived from the account data. " +
                          "Came due without an outcome, so derived: Account first (2026-07-01: renewed), Account gone (2026-08-14: not renewed, churned 2026-08-15), " +
                          "Account last (2026-09-30: renewed).", result.Note);
        Assert.Contains("within 30 days after", result.Note);
        Assert.DoesNotContain("monthly", result.Note!.Replace("monthly contracts are not renewals", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains(result.Inputs, i => i is { Name: "outcomes derived", Value: 3m });
        Assert.Contains(result.Inputs, i => i is { Name: "MRR up for renewal", Value: 3_000m });
        Assert.Contains(result.Inputs, i => i is { Name: "MRR after renewal", Value: 2_000m });
    }

    [Fact]
    public void A_churn_within_30_days_after_the_renewal_date_is_a_non_renewal_and_one_later_is_not()
    {
        var renewal = D(2026, 8, 1);

        var within = _calculator.Compute(MetricKind.RenewalRate, [Churned("a", renewal, renewal.AddDays(30))], Q3);
        var onTheDay = _calculator.Compute(MetricKind.RenewalRate, [Churned("a", renewal, renewal)], Q3);
        var later = _calculator.Compute(MetricKind.RenewalRate, [Churned("a", renewal, renewal.AddDays(31))], Q3);
        var before = _calculator.Compute(MetricKind.RenewalRate, [Churned("a", renewal, renewal.AddDays(-1))], Q3);

        Assert.Equal(0.0m, within.Value);
        Assert.Equal(0.0m, onTheDay.Value);
        Assert.Equal(100.0m, later.Value);
        Assert.Null(before.Value); // it was gone before its contract came due
        Assert.Equal("No contracts came up for renewal in the period.", before.Note);
    }

    [Fact]
    public void A_contraction_at_renewal_is_a_downgrade_counted_as_renewed()
    {
        var account = Contract("a", D(2026, 8, 1), more: [new RevenueEvent("a-down", "a", RevenueEventKind.Contraction, -400m, D(2026, 8, 1))]);

        var result = _calculator.Compute(MetricKind.RenewalRate, [account], Q3);

        Assert.Equal(100.0m, result.Value);
        Assert.Contains("(2026-08-01: downgraded)", result.Note);
        Assert.Contains(result.Inputs, i => i is { Name: "of which downgraded", Value: 1m });
        Assert.Contains(result.Inputs, i => i is { Name: "MRR after renewal", Value: 600m });
    }

    [Fact]
    public void A_sent_outcome_stands_for_the_scheduled_date_it_is_near_and_other_contracts_are_derived()
    {
        var sent = Contract("sent", D(2026, 8, 1)) with { RenewalOutcomes = [new RenewalOutcome("o", "sent", D(2026, 8, 5), RenewalResult.Churned, 1_000m, 0m)] };
        var quiet = Contract("quiet", D(2026, 9, 1));

        var result = _calculator.Compute(MetricKind.RenewalRate, [sent, quiet], Q3);

        Assert.Equal(50.0m, result.Value);
        Assert.Contains("From 1 renewal outcome sent and 1 derived from the account data.", result.Note);
        Assert.Contains("Came due without an outcome, so derived: Account quiet (2026-09-01: renewed)", result.Note);
        Assert.DoesNotContain("Account sent (", result.Note);
    }

    /// <summary>A three-year contract whose CRM date (March 2024) was never updated comes due again in March 2027, not every March.</summary>
    [Fact]
    public void A_multi_year_contract_comes_due_once_per_term()
    {
        var account = Contract("multi", D(2024, 3, 15), kind: ContractKind.MultiYear, term: 36);
        var march = (int year) => new DateRange(D(year, 3, 1), D(year, 3, 31));

        Assert.Equal([D(2027, 3, 15)], RenewalsDue.Dates(account.Account, march(2027), null));
        Assert.Empty(RenewalsDue.Dates(account.Account, march(2026), null));
        Assert.Empty(RenewalsDue.Dates(account.Account, march(2025), null));
        Assert.Equal(D(2027, 3, 15), account.Account.NextRenewalOn(Today));
        Assert.Null(_calculator.Compute(MetricKind.RenewalRate, [account], march(2026)).Value);
    }

    [Fact]
    public void A_contract_due_later_in_the_period_is_not_counted_and_the_reason_says_so()
    {
        var quarter = new DateRange(D(2026, 10, 1), D(2026, 12, 31));
        var account = Contract("soon", D(2026, 12, 20));

        var result = _calculator.Compute(MetricKind.RenewalRate, [account], quarter);

        Assert.Null(result.Value);
        Assert.Equal("No contract has come up for renewal in the period yet; 1 contract comes due later in it: Account soon (2026-12-20).", result.Note);
    }

    [Fact]
    public void When_contracts_came_due_the_wrong_reason_never_appears()
    {
        var result = _calculator.Compute(MetricKind.RenewalRate, [Contract("a", D(2026, 8, 1)), Churned("b", D(2026, 9, 1), D(2026, 9, 1))], Q3);

        Assert.Equal(50.0m, result.Value);
        Assert.DoesNotContain(WrongReason, result.Note);
    }

    [Theory]
    [InlineData("2026-01-31", 12, "2026-12-01", "2027-01-31")]
    [InlineData("2026-01-31", 1, "2026-12-01", "2026-12-31")]
    [InlineData("2025-02-28", 12, "2026-03-01", "2027-02-28")]
    [InlineData("2026-12-01", 12, "2026-12-01", "2026-12-01")]
    [InlineData("2023-06-30", 24, "2026-12-01", "2027-06-30")]
    public void The_next_renewal_rolls_forward_by_whole_terms_from_the_crm_date(string crm, int term, string today, string expected)
    {
        var account = Contract("a", DateOnly.Parse(crm, System.Globalization.CultureInfo.InvariantCulture), term: term).Account;

        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), account.NextRenewalOn(DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void A_churned_account_or_a_monthly_contract_does_not_roll_forward()
    {
        var churned = Contract("a", D(2026, 3, 1), churnedOn: D(2026, 3, 2)).Account;
        var unknownTerm = Contract("b", D(2026, 3, 1), kind: ContractKind.MultiYear).Account;

        Assert.Equal(D(2026, 3, 1), churned.NextRenewalOn(Today));
        Assert.Equal(D(2026, 3, 1), unknownTerm.NextRenewalOn(Today));
        Assert.Empty(RenewalsDue.Dates(Contract("m", D(2026, 8, 1), kind: ContractKind.Monthly, term: 1).Account, Q3, null));
    }
}
