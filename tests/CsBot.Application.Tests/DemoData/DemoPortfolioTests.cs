using CsBot.Core.Accounts;
using CsBot.Core.Rules;
using CsBot.Core.Signals;
using CsBot.DemoData;

namespace CsBot.Application.Tests.DemoData;

public sealed class DemoPortfolioTests
{
    private static readonly DateOnly Today = new(2026, 5, 14);
    private static readonly IReadOnlyList<AccountSignals> Portfolio = DemoPortfolio.Generate(Today);

    public static TheoryData<string> GenerationDays => new() { "2026-05-14", "2025-12-31", "2028-03-01", "2027-07-04" };

    private static AccountSignals Named(IReadOnlyList<AccountSignals> portfolio, string name) =>
        Assert.Single(portfolio, s => s.Account.Name == name);

    [Fact]
    public void Same_inputs_give_identical_portfolios()
    {
        var first = DemoPortfolio.Generate(Today, 200, 7);
        var second = DemoPortfolio.Generate(Today, 200, 7);

        Assert.Equal(first.Count, second.Count);
        for (var i = 0; i < first.Count; i++)
        {
            var (a, b) = (first[i], second[i]);
            Assert.Equal(a.Account with { Aliases = [] }, b.Account with { Aliases = [] });
            Assert.Equal(a.Account.Aliases, b.Account.Aliases);
            Assert.Equal(a.Usage, b.Usage);
            Assert.Equal(a.Tickets, b.Tickets);
            Assert.Equal(a.Surveys, b.Surveys);
            Assert.Equal(a.Invoices, b.Invoices);
            Assert.Equal(a.RevenueEvents, b.RevenueEvents);
            Assert.Equal(a.RenewalOutcomes, b.RenewalOutcomes);
        }
    }

    [Fact]
    public void Another_seed_gives_another_portfolio_with_the_same_named_accounts()
    {
        var other = DemoPortfolio.Generate(Today, 200, 43);

        Assert.NotEqual(Portfolio.Select(s => s.Account.Name), other.Select(s => s.Account.Name));
        foreach (var scenario in DemoScenarios.All) Named(other, scenario.AccountName);
    }

    [Fact]
    public void A_larger_portfolio_extends_a_smaller_one()
    {
        var larger = DemoPortfolio.Generate(Today, 300);

        for (var i = 0; i < Portfolio.Count; i++)
        {
            Assert.Equal(Portfolio[i].Account.Id, larger[i].Account.Id);
            Assert.Equal(Portfolio[i].Usage, larger[i].Usage);
        }
    }

    [Fact]
    public void Portfolio_has_the_requested_count_with_stable_unique_ids_names_and_domains()
    {
        Assert.Equal(200, Portfolio.Count);
        Assert.Equal("acc-0001", Portfolio[0].Account.Id);
        Assert.Equal("CRM-10001", Portfolio[0].Account.ExternalId);
        Assert.Equal("acc-0200", Portfolio[^1].Account.Id);
        Assert.Equal(200, Portfolio.Select(s => s.Account.Id).Distinct().Count());
        Assert.Equal(200, Portfolio.Select(s => s.Account.ExternalId).Distinct().Count());
        Assert.Equal(200, Portfolio.Select(s => s.Account.Name).Distinct().Count());
        Assert.Equal(200, Portfolio.Select(s => s.Account.Domain).Distinct().Count());
        Assert.All(Portfolio, s => Assert.EndsWith(".example", s.Account.Domain));
    }

    [Fact]
    public void Portfolio_mixes_segments_contracts_owners_and_churn()
    {
        var accounts = Portfolio.Select(s => s.Account).ToArray();

        Assert.Equal(["Enterprise", "Mid-Market", "SMB"], accounts.Select(a => a.Segment).Distinct().Order());
        Assert.All(Enum.GetValues<ContractKind>(), kind => Assert.Contains(accounts, a => a.ContractKind == kind));
        Assert.True(accounts.Count(a => a.ContractKind == ContractKind.Monthly && a.Segment == "SMB")
            > accounts.Count(a => a.ContractKind == ContractKind.Monthly && a.Segment != "SMB"));
        Assert.All(accounts.Where(a => a.ContractKind == ContractKind.MultiYear), a => Assert.Equal("Enterprise", a.Segment));
        Assert.Equal(7, accounts.Select(a => a.Owner).Distinct().Count());
        Assert.Equal(2, accounts.Select(a => a.Manager).Distinct().Count());
        Assert.All(accounts, a => Assert.Matches("^[a-z]+\\.[a-z]+@csbot\\.example$", a.Owner.Email));
        Assert.Contains(accounts, a => a.Owner == DemoTeam.DanaWhitfield && a.Name == DemoScenarios.AcmeCorp);

        var churned = accounts.Where(a => a.ChurnedOn is not null).ToArray();
        Assert.InRange(churned.Length, 10, 40);
        Assert.All(churned, a => Assert.InRange(a.ChurnedOn!.Value, Today.AddDays(-730), Today));
    }

    [Fact]
    public void Mrr_by_segment_is_in_sensible_ranges()
    {
        static decimal Median(IEnumerable<decimal> values)
        {
            var sorted = values.Order().ToArray();
            return sorted[sorted.Length / 2];
        }
        var starts = Portfolio.ToLookup(s => s.Account.Segment, s => s.RevenueEvents[0].MrrDelta);

        Assert.InRange(Median(starts["SMB"]), 150m, 2_000m);
        Assert.InRange(Median(starts["Mid-Market"]), 2_000m, 15_000m);
        Assert.InRange(Median(starts["Enterprise"]), 15_000m, 120_000m);
    }

    [Theory]
    [MemberData(nameof(GenerationDays))]
    public void Active_accounts_have_daily_usage_ending_today(string day)
    {
        var today = DateOnly.Parse(day);
        foreach (var s in DemoPortfolio.Generate(today, 120).Where(s => s.Account.ChurnedOn is null))
        {
            var expectedFirst = s.Account.StartDate > today.AddDays(-179) ? s.Account.StartDate : today.AddDays(-179);
            Assert.Equal(today.DayNumber - expectedFirst.DayNumber + 1, s.Usage.Length);
            Assert.Equal(expectedFirst, s.Usage[0].Date);
            Assert.Equal(today, s.Usage[^1].Date);
            for (var i = 1; i < s.Usage.Length; i++) Assert.Equal(s.Usage[i - 1].Date.AddDays(1), s.Usage[i].Date);
            Assert.All(s.Usage, u =>
            {
                Assert.InRange(u.ActiveUsers, 0, u.MonthlyActiveUsers);
                Assert.InRange(u.MonthlyActiveUsers, 0, u.LicensedSeats);
                Assert.True(u.LicensedSeats > 0);
                Assert.True(u.Logins >= 0 && u.KeyFeatureUses >= 0);
            });
        }
    }

    [Fact]
    public void Most_active_accounts_have_a_full_180_days_of_usage()
    {
        var active = Portfolio.Where(s => s.Account.ChurnedOn is null).ToArray();
        Assert.True(active.Count(s => s.Usage.Length == DemoPortfolio.UsageDays) >= active.Length * 0.75);
        Assert.All(DemoScenarios.All.Where(s => s.Kind != DemoScenarioKind.Churned),
            scenario => Assert.Equal(DemoPortfolio.UsageDays, Named(Portfolio, scenario.AccountName).Usage.Length));
    }

    [Fact]
    public void Mrr_equals_the_sum_of_revenue_deltas_starting_with_a_new_event()
    {
        Assert.All(Portfolio, s =>
        {
            Assert.Equal(s.Account.Mrr, s.RevenueEvents.Sum(e => e.MrrDelta));
            var first = s.RevenueEvents[0];
            Assert.Equal(RevenueEventKind.New, first.Kind);
            Assert.Equal(s.Account.StartDate, first.Date);
            Assert.True(first.MrrDelta > 0);
            Assert.Equal(s.RevenueEvents.OrderBy(e => e.Date), s.RevenueEvents);
            Assert.All(s.RevenueEvents, e => Assert.True(e.Kind is RevenueEventKind.New or RevenueEventKind.Expansion ? e.MrrDelta > 0 : e.MrrDelta < 0));
            Assert.All(s.RevenueEvents, e => Assert.True(e.Date <= Today));
        });
    }

    [Fact]
    public void Churned_accounts_end_with_a_churn_event_and_no_renewal_date()
    {
        var churned = Portfolio.Where(s => s.Account.ChurnedOn is not null).ToArray();
        Assert.NotEmpty(churned);
        Assert.All(churned, s =>
        {
            Assert.Equal(0m, s.Account.Mrr);
            Assert.Null(s.Account.RenewalDate);
            var last = s.RevenueEvents[^1];
            Assert.Equal(RevenueEventKind.Churn, last.Kind);
            Assert.Equal(s.Account.ChurnedOn, last.Date);
            Assert.All(s.Usage, u => Assert.True(u.Date < s.Account.ChurnedOn));
        });
        Assert.Contains(churned, s => s.RenewalOutcomes.Any(o => o.Result == RenewalResult.Churned && o.MrrAfter == 0m));
    }

    [Fact]
    public void Contracts_have_renewals_notice_periods_and_outcomes_that_add_up()
    {
        var active = Portfolio.Where(s => s.Account.ChurnedOn is null).ToArray();
        Assert.All(active, s =>
        {
            var a = s.Account;
            Assert.Contains(a.NoticePeriodDays, new[] { 30, 60, 90 });
            if (a.ContractKind == ContractKind.Monthly)
            {
                Assert.Null(a.RenewalDate);
                Assert.Empty(s.RenewalOutcomes);
            }
            else
            {
                Assert.NotNull(a.RenewalDate);
                Assert.InRange(a.RenewalDate!.Value, Today.AddDays(1), Today.AddDays(365));
            }
            Assert.All(s.RenewalOutcomes, o => Assert.Equal(RenewalResult.Renewed, o.Result));
        });
        var renewalMonths = active.Where(s => s.Account.RenewalDate is not null).Select(s => s.Account.RenewalDate!.Value.Month).Distinct().Count();
        Assert.Equal(12, renewalMonths);
        Assert.Contains(active, s => s.RenewalOutcomes.Count > 0);
    }

    [Fact]
    public void History_covers_two_years_so_period_metrics_have_data()
    {
        var lastQuarter = (From: new DateOnly(2026, 1, 1), To: new DateOnly(2026, 3, 31));
        var events = Portfolio.SelectMany(s => s.RevenueEvents).ToArray();
        foreach (var kind in new[] { RevenueEventKind.New, RevenueEventKind.Expansion, RevenueEventKind.Contraction, RevenueEventKind.Churn })
            Assert.Contains(events, e => e.Kind == kind && e.Date >= Today.AddDays(-365));
        Assert.Contains(events, e => e.Kind == RevenueEventKind.Churn && e.Date >= lastQuarter.From && e.Date <= lastQuarter.To);
        Assert.Contains(events, e => e.Kind == RevenueEventKind.New && e.Date >= lastQuarter.From && e.Date <= lastQuarter.To);

        var invoices = Portfolio.SelectMany(s => s.Invoices).ToArray();
        Assert.InRange(invoices.Min(i => i.IssuedOn), Today.AddDays(-730), Today.AddDays(-700));
        var surveys = Portfolio.SelectMany(s => s.Surveys).ToArray();
        Assert.All(Enum.GetValues<SurveyKind>(), kind => Assert.Contains(surveys, x => x.Kind == kind && x.Date >= lastQuarter.From && x.Date <= lastQuarter.To));
        Assert.All(surveys, x => Assert.InRange(x.Score, x.Kind == SurveyKind.Nps ? 0 : 1, x.Kind switch { SurveyKind.Nps => 10, SurveyKind.Csat => 5, _ => 7 }));
        Assert.Contains(surveys, x => x.IsDetractor);
        Assert.Contains(surveys, x => x.IsPromoter);
        Assert.Contains(Portfolio.SelectMany(s => s.Tickets), t => t.Severity == TicketSeverity.Critical);
    }

    [Fact]
    public void Signals_are_dated_no_later_than_today_and_sorted()
    {
        var endOfToday = new DateTimeOffset(Today.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc));
        Assert.All(Portfolio, s =>
        {
            Assert.All(s.Tickets, t => Assert.True(t.Opened < endOfToday && (t.Closed is null || (t.Closed > t.Opened && t.Closed < endOfToday))));
            Assert.All(s.Surveys, x => Assert.True(x.Date <= Today));
            Assert.All(s.Invoices, i => Assert.True(i.IssuedOn <= Today && i.DueDate > i.IssuedOn && (i.PaidOn is null || (i.PaidOn > i.IssuedOn && i.PaidOn <= Today))));
            Assert.Equal(s.Tickets.OrderBy(t => t.Opened), s.Tickets);
            Assert.Equal(s.Surveys.OrderBy(x => x.Date), s.Surveys);
        });
        var ids = Portfolio.SelectMany(s => s.Tickets.Select(t => t.Id).Concat(s.Surveys.Select(x => x.Id)).Concat(s.Invoices.Select(i => i.Id))
            .Concat(s.RevenueEvents.Select(e => e.Id)).Concat(s.RenewalOutcomes.Select(o => o.Id))).ToArray();
        Assert.Equal(ids.Length, ids.Distinct().Count());
    }

    [Fact]
    public void Generating_ten_thousand_accounts_works()
    {
        var large = DemoPortfolio.Generate(Today, 10_000);

        Assert.Equal(10_000, large.Count);
        Assert.Equal("acc-10000", large[^1].Account.Id);
        Assert.Equal(10_000, large.Select(s => s.Account.Name).Distinct().Count());
        Assert.All(large.Where(s => s.Account.ChurnedOn is null), s => Assert.Equal(Today, s.Usage[^1].Date));
        for (var i = 0; i < Portfolio.Count; i++) Assert.Equal(Portfolio[i].Usage, large[i].Usage); // parallel build, same data
    }

    [Fact]
    public void Small_counts_return_the_first_named_accounts()
    {
        var few = DemoPortfolio.Generate(Today, 3);
        Assert.Equal([DemoScenarios.AcmeCorp, DemoScenarios.AcmeLabs, DemoScenarios.Globex], few.Select(s => s.Account.Name));
        Assert.Empty(DemoPortfolio.Generate(Today, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => DemoPortfolio.Generate(Today, -1));
    }
}
