using CsBot.Application.Ingestion;
using CsBot.Application.Ingestion.Records;
using CsBot.Application.Time;
using CsBot.Core.Accounts;
using CsBot.Core.Metrics;
using CsBot.Core.Ports;
using CsBot.Core.Signals;
using Microsoft.Extensions.Time.Testing;

namespace CsBot.Application.Tests.Ingestion;

public class IngestionServiceTests
{
    private sealed class MemoryStore : IPortfolioStore
    {
        public Dictionary<string, AccountSignals> Data { get; } = [];
        public int Saves { get; private set; }
        public bool IsEmpty() => Data.Count == 0;
        public IReadOnlyList<Account> GetAccounts() => [.. Data.Values.Select(s => s.Account).OrderBy(a => a.Id, StringComparer.Ordinal)];
        public Account? GetAccount(string accountId) => Data.GetValueOrDefault(accountId)?.Account;
        public Account? FindByExternalId(string externalId) => Data.Values.Select(s => s.Account).FirstOrDefault(a => a.ExternalId == externalId);
        public AccountSignals? LoadSignals(string accountId) => Data.GetValueOrDefault(accountId);
        public IEnumerable<AccountSignals> LoadAllSignals() => Data.Values;
        public void Save(IReadOnlyCollection<AccountSignals> portfolio)
        {
            if (portfolio.Count > 0) Saves++;
            foreach (var s in portfolio) Data[s.Account.Id] = s;
        }
    }

    private readonly MemoryStore _store = new();
    private readonly IngestionService _service;

    public IngestionServiceTests()
    {
        var clock = new BusinessClock(new FakeTimeProvider(new DateTimeOffset(2026, 3, 10, 12, 0, 0, TimeSpan.Zero)), TimeZoneInfo.Utc);
        _service = new IngestionService(_store, new MetricsOptions { Currency = "EUR" }, clock);
    }

    private static AccountRecord Account(string externalId) => new()
    {
        ExternalId = externalId, Name = "Name " + externalId, Mrr = 100, StartDate = "2025-01-01",
        Owner = new PersonRecord { Name = "Dana", Email = "dana@example.com" },
    };

    [Fact]
    public void New_accounts_get_a_slug_id_that_stays_unique()
    {
        _service.UpsertAccounts([Account("CRM 7"), Account("crm-7")]);

        Assert.Equal(["acc-crm-7", "acc-crm-7-2"], _store.GetAccounts().Select(a => a.Id));
    }

    [Fact]
    public void Money_in_another_currency_is_refused_naming_the_configured_one()
    {
        var result = _service.UpsertAccounts([Account("A") with { Currency = "USD" }]);

        var error = Assert.Single(result.Errors);
        Assert.Equal((0, "currency"), (error.Index, error.Field));
        Assert.Contains("EUR", error.Reason);
        Assert.Empty(_store.Data);
    }

    [Fact]
    public void An_owners_slack_and_teams_ids_are_kept_under_the_platforms_askers_come_from()
    {
        _service.UpsertAccounts([Account("A") with { Owner = Account("A").Owner! with { SlackUserId = "U0DANA", TeamsUserId = " " } }]);

        var owner = _store.GetAccounts().Single().Owner;
        Assert.Equal("U0DANA", owner.ChatIdOn("slack"));
        Assert.Null(owner.ChatIdOn("teams"));
    }

    [Fact]
    public void An_owners_time_zone_is_kept_for_quiet_hours_and_an_unknown_one_is_refused()
    {
        var good = Account("A") with { Owner = Account("A").Owner! with { TimeZone = "America/New_York" } };
        var bad = Account("B") with { Owner = Account("B").Owner! with { TimeZone = "Mars/Olympus" } };

        var refused = _service.UpsertAccounts([bad]);
        _service.UpsertAccounts([good]);

        Assert.Equal((0, "owner.timeZone"), (refused.Errors[0].Index, refused.Errors[0].Field));
        Assert.Equal("America/New_York", Assert.Single(_store.GetAccounts()).Owner.TimeZone);
    }

    [Fact]
    public void Skip_invalid_writes_the_valid_records_and_reports_the_others()
    {
        var result = _service.UpsertAccounts([Account("A"), Account("B") with { Mrr = -5 }], skipInvalid: true);

        Assert.Equal(1, result.Inserted);
        Assert.Equal((1, "mrr"), (result.Errors[0].Index, result.Errors[0].Field));
        Assert.Single(_store.Data);
    }

    [Fact]
    public void Survey_scores_are_checked_against_their_scale_and_revenue_signs_against_their_kind()
    {
        _service.UpsertAccounts([Account("A")]);

        var surveys = _service.UpsertSurveys([new SurveyRecord { ExternalId = "S1", AccountExternalId = "A", Kind = "Csat", Score = 9, Date = "2026-01-01" }]);
        var revenue = _service.UpsertRevenueEvents([new RevenueEventRecord { ExternalId = "R1", AccountExternalId = "A", Kind = "Churn", MrrDelta = 100, Date = "2026-01-01" }]);

        Assert.Equal("score", Assert.Single(surveys.Errors).Field);
        Assert.Contains("negative", Assert.Single(revenue.Errors).Reason);
    }

    [Fact]
    public void A_changed_signal_is_updated_in_place_and_an_unchanged_batch_saves_nothing()
    {
        _service.UpsertAccounts([Account("A")]);
        var ticket = new TicketRecord { ExternalId = "T1", AccountExternalId = "A", Severity = "High", Opened = "2026-03-01T09:00:00Z" };
        _service.UpsertTickets([ticket]);
        var saves = _store.Saves;

        var same = _service.UpsertTickets([ticket]);
        var savesAfterSame = _store.Saves;
        var closed = _service.UpsertTickets([ticket with { Closed = "2026-03-02T09:00:00Z" }]);

        Assert.Equal((1, saves), (same.Unchanged, savesAfterSame));
        Assert.Empty(same.ChangedAccountIds);
        Assert.Equal(1, closed.Updated);
        var stored = Assert.Single(_store.Data["acc-a"].Tickets);
        Assert.NotNull(stored.Closed);
    }

    [Fact]
    public void Duplicate_keys_within_a_batch_are_errors()
    {
        _service.UpsertAccounts([Account("A")]);
        var day = new UsageRecord { AccountExternalId = "A", Date = "2026-03-01", ActiveUsers = 1, MonthlyActiveUsers = 1, LicensedSeats = 1, Logins = 1, KeyFeatureUses = 1 };

        var result = _service.UpsertUsage([day, day with { ActiveUsers = 0 }]);

        Assert.Equal((1, "date"), (Assert.Single(result.Errors).Index, result.Errors[0].Field));
    }

    [Fact]
    public void A_usage_batch_naming_an_account_twice_or_padded_merges_into_that_account_and_an_unknown_one_is_refused()
    {
        _service.UpsertAccounts([Account("A"), Account("B")]);
        UsageRecord Day(string account, string date) => new() { AccountExternalId = account, Date = date, ActiveUsers = 3, MonthlyActiveUsers = 5, LicensedSeats = 9, Logins = 4, KeyFeatureUses = 2 };

        var result = _service.UpsertUsage([Day("A", "2026-03-01"), Day("B", "2026-03-01"), Day(" A ", "2026-03-02"), Day("a", "2026-03-03"), Day("A", "2026-03-04")], skipInvalid: true);

        // "a" is another external id (they match exactly), with no account; " A " is "A" trimmed.
        Assert.Equal((3, "accountExternalId"), (Assert.Single(result.Errors).Index, result.Errors[0].Field));
        Assert.Equal(4, result.Inserted);
        Assert.Equal(["acc-a", "acc-b"], result.ChangedAccountIds.Order(StringComparer.Ordinal));
        Assert.Equal(["2026-03-01", "2026-03-02", "2026-03-04"], _store.Data["acc-a"].Usage.Select(u => u.Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Single(_store.Data["acc-b"].Usage);
    }

    [Fact]
    public void An_accounts_batch_updates_stored_accounts_keeping_their_signals_and_adds_new_ones()
    {
        _service.UpsertAccounts([Account("A"), Account("B")]);
        _service.UpsertUsage([new UsageRecord { AccountExternalId = "A", Date = "2026-03-01", ActiveUsers = 3, MonthlyActiveUsers = 5, LicensedSeats = 9, Logins = 4, KeyFeatureUses = 2 }]);

        var result = _service.UpsertAccounts([Account("A") with { Name = "Renamed" }, Account("B"), Account("C")]);

        Assert.Equal((1, 1, 1), (result.Inserted, result.Updated, result.Unchanged));
        Assert.Equal("Renamed", _store.Data["acc-a"].Account.Name);
        Assert.Single(_store.Data["acc-a"].Usage);
        Assert.Equal(["acc-a", "acc-b", "acc-c"], _store.GetAccounts().Select(a => a.Id));
    }

    [Fact]
    public void Usage_days_merge_into_the_stored_series_in_date_order_replacing_changed_days_and_counting_unchanged_ones()
    {
        _service.UpsertAccounts([Account("A")]);
        UsageRecord Day(string date, int active) => new() { AccountExternalId = "A", Date = date, ActiveUsers = active, MonthlyActiveUsers = 9, LicensedSeats = 9, Logins = 4, KeyFeatureUses = 2 };
        _service.UpsertUsage([Day("2026-03-01", 1), Day("2026-03-05", 5), Day("2026-03-03", 3)]);

        var result = _service.UpsertUsage([Day("2026-03-04", 4), Day("2026-03-05", 6), Day("2026-03-01", 1), Day("2026-02-27", 0), Day("2026-03-09", 9)]);
        var unchanged = _service.UpsertUsage([Day("2026-03-03", 3)]);

        Assert.Empty(result.Errors);
        Assert.Equal((3, 1, 1), (result.Inserted, result.Updated, result.Unchanged));
        Assert.Equal(["2026-02-27:0", "2026-03-01:1", "2026-03-03:3", "2026-03-04:4", "2026-03-05:6", "2026-03-09:9"],
            _store.Data["acc-a"].Usage.Select(u => u.Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) + ":" + u.ActiveUsers));
        Assert.Equal((0, 0, 1), (unchanged.Inserted, unchanged.Updated, unchanged.Unchanged));
        Assert.Empty(unchanged.ChangedAccountIds);
    }

    [Fact]
    public void Usage_stored_out_of_date_order_is_still_merged_by_day_and_comes_back_sorted()
    {
        _service.UpsertAccounts([Account("A")]);
        var account = _store.Data["acc-a"];
        // Not as ingestion stores it (sorted, a day once): a store or an import that wrote it otherwise.
        _store.Data["acc-a"] = account with { Usage = [Usage("2026-03-05", 5), Usage("2026-03-01", 1)] };

        var result = _service.UpsertUsage([new UsageRecord { AccountExternalId = "A", Date = "2026-03-01", ActiveUsers = 2, MonthlyActiveUsers = 5, LicensedSeats = 9, Logins = 4, KeyFeatureUses = 2 }]);

        Assert.Equal((0, 1, 0), (result.Inserted, result.Updated, result.Unchanged));
        Assert.Equal([(new DateOnly(2026, 3, 1), 2), (new DateOnly(2026, 3, 5), 5)], _store.Data["acc-a"].Usage.Select(u => (u.Date, u.ActiveUsers)));
    }

    private static UsageDay Usage(string date, int active) =>
        new(DateOnly.ParseExact(date, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), active, 5, 9, 4, 2);
}
