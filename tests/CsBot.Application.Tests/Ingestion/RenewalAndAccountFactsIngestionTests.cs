using CsBot.Application.Ingestion;
using CsBot.Application.Ingestion.Records;
using CsBot.Application.Time;
using CsBot.Core.Metrics;
using CsBot.Core.Signals;
using Microsoft.Extensions.Time.Testing;

namespace CsBot.Application.Tests.Ingestion;

/// <summary>Renewal outcomes, contract terms, and the rules between an account's own mrr/churnedOn and its revenue events.</summary>
public sealed class RenewalAndAccountFactsIngestionTests
{
    private readonly InMemoryStores _store = new();
    private readonly IngestionService _service;

    public RenewalAndAccountFactsIngestionTests()
    {
        var clock = new BusinessClock(new FakeTimeProvider(new DateTimeOffset(2026, 3, 10, 12, 0, 0, TimeSpan.Zero)), TimeZoneInfo.Utc);
        _service = new IngestionService(_store, new MetricsOptions { Currency = "EUR" }, clock);
    }

    private static AccountRecord Account(string externalId, decimal mrr = 1_000m) => new()
    {
        ExternalId = externalId, Name = "Name " + externalId, Mrr = mrr, StartDate = "2025-01-01", RenewalDate = "2026-01-01",
        Owner = new PersonRecord { Name = "Dana", Email = "dana@example.com" },
    };

    private static RenewalOutcomeRecord Outcome(string account, string date, string outcome, decimal before, decimal after) =>
        new() { AccountExternalId = account, RenewalDate = date, Outcome = outcome, MrrBefore = before, MrrAfter = after };

    private static RevenueEventRecord Event(string id, string account, string kind, decimal delta, string date) =>
        new() { ExternalId = id, AccountExternalId = account, Kind = kind, MrrDelta = delta, Date = date };

    [Fact]
    public void Renewal_outcomes_are_keyed_by_account_and_date_so_a_resend_changes_nothing_and_a_correction_replaces()
    {
        _service.UpsertAccounts([Account("A")]);
        RenewalOutcomeRecord[] batch = [Outcome("A", "2026-01-01", "renewed", 1_000m, 1_100m), Outcome("A", "2025-01-01", "Downgraded", 1_200m, 1_000m)];

        var first = _service.UpsertRenewalOutcomes(batch);
        var again = _service.UpsertRenewalOutcomes(batch);
        var corrected = _service.UpsertRenewalOutcomes([Outcome("A", "2026-01-01", "Churned", 1_000m, 0m)]);

        Assert.Equal((2, 0, 0), (first.Inserted, first.Updated, first.Unchanged));
        Assert.Equal((0, 0, 2), (again.Inserted, again.Updated, again.Unchanged));
        Assert.Empty(again.ChangedAccountIds);
        Assert.Equal((0, 1), (corrected.Inserted, corrected.Updated));
        var stored = _store.LoadSignals("acc-a")!.RenewalOutcomes;
        Assert.Equal([(new DateOnly(2025, 1, 1), RenewalResult.Downgraded), (new DateOnly(2026, 1, 1), RenewalResult.Churned)],
            stored.Select(o => (o.RenewalDate, o.Result)));
    }

    [Fact]
    public void An_invalid_outcome_rejects_the_batch_naming_index_and_field()
    {
        _service.UpsertAccounts([Account("A")]);

        var result = _service.UpsertRenewalOutcomes(
        [
            Outcome("A", "2026-01-01", "Renewed", 1_000m, 1_000m),
            Outcome("A", "2026-13-01", "Lapsed", -5m, 0m),
            Outcome("A", "2025-01-01", "Churned", 1_000m, 200m),
            Outcome("A", "2024-01-01", "Downgraded", 1_000m, 1_000m),
            Outcome("A", "2023-01-01", "Renewed", 1_000m, 0m),
            Outcome("A", "2026-01-01", "Renewed", 1_000m, 1_000m),
            Outcome("NOPE", "2026-01-01", "Renewed", 1_000m, 1_000m),
        ]);

        Assert.True(result.Rejected);
        Assert.Equal(
            [(1, "renewalDate"), (1, "outcome"), (1, "mrrBefore"), (2, "mrrAfter"), (3, "mrrAfter"), (4, "mrrAfter"), (5, "renewalDate"), (6, "accountExternalId")],
            result.Errors.Select(e => (e.Index, e.Field)));
        Assert.Contains("Churned", result.Errors.Single(e => e.Index == 4).Reason);
        Assert.Empty(_store.LoadSignals("acc-a")!.RenewalOutcomes);
    }

    [Theory]
    [InlineData(0, true)]
    [InlineData(1, false)]
    [InlineData(120, false)]
    [InlineData(121, true)]
    public void The_contract_term_is_optional_and_from_1_to_120_months(int months, bool refused)
    {
        var result = _service.UpsertAccounts([Account("A") with { ContractTermMonths = months }]);

        Assert.Equal(refused, result.Errors.Any(e => e.Field == "contractTermMonths"));
        if (!refused) Assert.Equal(months, _store.FindByExternalId("A")!.ContractTermMonths);
    }

    [Fact]
    public void A_churn_event_sets_churned_on_when_the_crm_does_not_and_an_accounts_resend_keeps_it()
    {
        _service.UpsertAccounts([Account("A")]);
        _service.UpsertRevenueEvents([Event("e1", "A", "New", 1_000m, "2025-01-01"), Event("e2", "A", "Churn", -1_000m, "2026-02-03")]);

        var resend = _service.UpsertAccounts([Account("A", mrr: 0m)]);
        var withoutChurnedOn = _store.FindByExternalId("A")!;
        _service.UpsertRevenueEvents([Event("e3", "A", "Reactivation", 800m, "2026-03-01")]);

        Assert.Equal(new DateOnly(2026, 2, 3), withoutChurnedOn.ChurnedOn);
        Assert.Equal(1, resend.Updated); // the mrr changed; churnedOn stayed
        Assert.Null(_store.FindByExternalId("A")!.ChurnedOn);
    }

    [Fact]
    public void A_churned_on_the_crm_sends_is_kept_over_the_events()
    {
        _service.UpsertAccounts([Account("A") with { ChurnedOn = "2026-02-20" }]);

        _service.UpsertRevenueEvents([Event("e1", "A", "New", 1_000m, "2025-01-01"), Event("e2", "A", "Churn", -1_000m, "2026-02-03")]);

        Assert.Equal(new DateOnly(2026, 2, 20), _store.FindByExternalId("A")!.ChurnedOn);
    }

    [Fact]
    public void An_mrr_that_disagrees_with_the_revenue_events_by_more_than_a_rounding_is_a_warning_not_an_error()
    {
        _service.UpsertAccounts([Account("A", mrr: 1_000m), Account("B", mrr: 500.40m)]);

        var events = _service.UpsertRevenueEvents(
        [
            Event("a1", "A", "New", 800m, "2025-01-01"), Event("a2", "A", "Expansion", 100m, "2026-03-10"), Event("a3", "A", "Expansion", 500m, "2026-04-01"),
            Event("b1", "B", "New", 500m, "2025-01-01"),
        ]);
        var fixedMrr = _service.UpsertAccounts([Account("A", mrr: 900m), Account("B", mrr: 500.40m)]);

        var warning = Assert.Single(events.Warnings);
        Assert.Equal(("A", "mrr"), (warning.AccountExternalId, warning.Field));
        Assert.Equal("is 1,000 EUR, but its revenue events add up to 900 EUR MRR as of 2026-03-10; revenue metrics use the events and answers show ARR from mrr, " +
                     "so send the missing events or correct mrr", warning.Reason);
        Assert.Equal(3 + 1, events.Inserted);
        Assert.Empty(fixedMrr.Warnings);
    }
}
