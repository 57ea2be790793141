using CsBot.Core.Rules;
using CsBot.Core.Signals;
using CsBot.DemoData;
using static CsBot.Application.Tests.DemoData.DemoSignalChecks;

namespace CsBot.Application.Tests.DemoData;

public sealed class DemoScenarioTests
{
    private static readonly DateOnly Today = new(2026, 5, 14);
    private static readonly IReadOnlyList<AccountSignals> Portfolio = DemoPortfolio.Generate(Today);

    public static TheoryData<string> GenerationDays => new() { "2026-05-14", "2025-12-31", "2028-03-01", "2027-07-04" };

    public static TheoryData<string> AtRiskNames => new(DemoScenarios.AtRisk.Select(s => s.AccountName));
    public static TheoryData<string> HealthyNames => new(DemoScenarios.HealthyAccountNames);

    private static AccountSignals Named(string name) => Named(Portfolio, name);
    private static AccountSignals Named(IReadOnlyList<AccountSignals> portfolio, string name) =>
        Assert.Single(portfolio, s => s.Account.Name == name);

    [Fact]
    public void Scenario_rule_ids_are_default_rule_ids()
    {
        var defaults = RulesOptions.Defaults().Select(r => r.Id).ToHashSet();
        Assert.All(DemoScenarios.All, s =>
        {
            Assert.All(s.ExpectedRuleIds.Concat(s.MayAlsoFireRuleIds), id => Assert.Contains(id, defaults));
            Assert.Equal(s.PrimaryRuleId, s.ExpectedRuleIds.FirstOrDefault());
        });
        var primaries = DemoScenarios.AtRisk.Select(s => s.PrimaryRuleId).ToArray();
        Assert.Equal(
            ["contraction", "critical-tickets", "health-drop", "invoice-overdue", "low-seat-utilization", "no-login", "nps-detractor", "renewal-at-risk", "usage-cliff"],
            primaries.Order());
        Assert.Equal(DemoScenarios.AtRisk.Count, DemoScenarios.ExpectedRulesByAccount.Count);
        Assert.Equal(DemoScenarioKind.UsageCliff, DemoScenarios.ForAccount("Initech").Kind);
        Assert.Throws<KeyNotFoundException>(() => DemoScenarios.ForAccount("No Such Co"));
    }

    [Fact]
    public void Named_accounts_come_first_in_catalogue_order()
    {
        for (var i = 0; i < DemoScenarios.All.Count; i++)
            Assert.Equal(DemoScenarios.All[i].AccountName, Portfolio[i].Account.Name);
    }

    [Fact]
    public void Acme_corp_and_acme_labs_both_exist_so_a_bare_acme_is_ambiguous()
    {
        var corp = Named(DemoScenarios.AcmeCorp).Account;
        var labs = Named(DemoScenarios.AcmeLabs).Account;

        Assert.Equal("acme-corp.example", corp.Domain);
        Assert.Contains("ACME Corporation", corp.Aliases);
        Assert.DoesNotContain(corp.Aliases.Concat(labs.Aliases), a => a.Equals("Acme", StringComparison.OrdinalIgnoreCase));
        Assert.Equal(2, Portfolio.Count(s => s.Account.Name.StartsWith("Acme ", StringComparison.Ordinal)));
        Assert.Equal(DemoTeam.DanaWhitfield, corp.Owner);
        Assert.Equal(DemoTeam.ElenaNovak, corp.Manager);
    }

    [Theory]
    [MemberData(nameof(GenerationDays))]
    public void Initech_active_users_fell_off_a_cliff(string day)
    {
        var today = DateOnly.Parse(day);
        var usage = Named(DemoPortfolio.Generate(today, 20), DemoScenarios.Initech).Usage;

        var recent = AverageDau(usage, today.AddDays(-6), today);
        var baseline = AverageDau(usage, today.AddDays(-34), today.AddDays(-7));
        Assert.True(recent <= 0.6 * baseline, $"7-day {recent:F1} vs 28-day {baseline:F1}");
        Assert.True(SeatUtilizationPercent(usage, today) >= 30);
    }

    [Theory]
    [MemberData(nameof(GenerationDays))]
    public void Acme_labs_usage_decays_slowly_and_health_drops(string day)
    {
        var today = DateOnly.Parse(day);
        var labs = Named(DemoPortfolio.Generate(today, 20), DemoScenarios.AcmeLabs);

        var now = AverageDau(labs.Usage, today.AddDays(-6), today);
        var twoMonthsAgo = AverageDau(labs.Usage, today.AddDays(-66), today.AddDays(-60));
        Assert.InRange(now / twoMonthsAgo, 0.3, 0.6);
        Assert.True(UsageChangePercent(labs.Usage, today) > -40, "slow decay must not look like a cliff");
        Assert.True(Health(labs, today.AddDays(-30)) - Health(labs, today) >= 15);
    }

    [Fact]
    public void Umbrella_health_has_an_unpaid_invoice_more_than_30_days_past_due()
    {
        var umbrella = Named(DemoScenarios.UmbrellaHealth);
        Assert.Contains(umbrella.Invoices, i => i.PaidOn is null && i.IsOpenOverdue(Today) && i.DaysOverdue(Today) > 30);
    }

    [Fact]
    public void Stark_logistics_has_a_recent_nps_detractor_and_stark_industries_does_not()
    {
        Assert.Contains(Named(DemoScenarios.StarkLogistics).Surveys, x => x.IsDetractor && x.Date > Today.AddDays(-30));
        Assert.DoesNotContain(Named(DemoScenarios.StarkIndustries).Surveys, x => x.IsDetractor && x.Date > Today.AddDays(-30));
    }

    [Fact]
    public void Wayne_analytics_has_two_open_critical_tickets()
    {
        var at = EndOf(Today);
        Assert.True(Named(DemoScenarios.WayneAnalytics).Tickets.Count(t => t.Severity == TicketSeverity.Critical && t.IsOpenAt(at)) >= 2);
        Assert.DoesNotContain(Named(DemoScenarios.WayneEnterprises).Tickets, t => t.Severity == TicketSeverity.Critical && t.IsOpenAt(at));
    }

    [Fact]
    public void Soylent_foods_renews_within_60_days_with_average_health()
    {
        var soylent = Named(DemoScenarios.SoylentFoods);
        Assert.InRange(soylent.Account.RenewalDate!.Value, Today.AddDays(1), Today.AddDays(60));
        Assert.InRange(Health(soylent, Today)!.Value, 40, 69);
    }

    [Fact]
    public void Acme_corp_renews_within_60_days_with_good_health()
    {
        var acme = Named(DemoScenarios.AcmeCorp);
        Assert.InRange(acme.Account.RenewalDate!.Value, Today.AddDays(1), Today.AddDays(60));
        Assert.True(Health(acme, Today) >= 70);
    }

    [Fact]
    public void Hooli_uses_under_30_percent_of_its_seats()
    {
        Assert.True(SeatUtilizationPercent(Named(DemoScenarios.Hooli).Usage, Today) < 30);
    }

    [Fact]
    public void Nobody_at_vandelay_imports_logged_in_for_14_days()
    {
        var usage = Named(DemoScenarios.VandelayImports).Usage;
        Assert.All(usage.Where(u => u.Date > Today.AddDays(-14)), u => Assert.Equal(0, u.Logins));
        Assert.True(DaysSinceLogin(usage, Today) >= 14);
        Assert.Contains(usage, u => u.Logins > 0);
    }

    [Fact]
    public void Pied_piper_contracted_at_least_20_percent_in_the_last_30_days()
    {
        var piper = Named(DemoScenarios.PiedPiper);
        var contraction = Assert.Single(piper.RevenueEvents, e => e.Kind == RevenueEventKind.Contraction && e.Date > Today.AddDays(-30));
        var before = piper.RevenueEvents.Where(e => e.Date < contraction.Date).Sum(e => e.MrrDelta);
        Assert.True(-contraction.MrrDelta >= 0.2m * before);
        Assert.Contains(piper.RenewalOutcomes, o => o.RenewalDate == contraction.Date && o.MrrAfter < o.MrrBefore && o.Result == RenewalResult.Renewed);
    }

    [Fact]
    public void Massive_dynamic_churned_at_its_renewal()
    {
        var massive = Named(DemoScenarios.MassiveDynamic);
        Assert.NotNull(massive.Account.ChurnedOn);
        Assert.Contains(massive.RenewalOutcomes, o => o.Result == RenewalResult.Churned && o.RenewalDate == massive.Account.ChurnedOn);
        Assert.Equal(RevenueEventKind.Churn, massive.RevenueEvents[^1].Kind);
    }

    [Theory]
    [MemberData(nameof(AtRiskNames))]
    public void At_risk_named_accounts_trip_their_expected_rules_and_nothing_unexpected(string name)
    {
        var scenario = DemoScenarios.ForAccount(name);
        foreach (var day in new[] { Today, new DateOnly(2025, 12, 31), new DateOnly(2028, 3, 1), new DateOnly(2027, 7, 4) })
        {
            var fired = FiredRules(Named(DemoPortfolio.Generate(day, 20), name), day);
            Assert.All(scenario.ExpectedRuleIds, id => Assert.Contains(id, fired));
            Assert.All(fired, id => Assert.Contains(id, scenario.ExpectedRuleIds.Concat(scenario.MayAlsoFireRuleIds)));
        }
    }

    [Theory]
    [MemberData(nameof(HealthyNames))]
    public void Healthy_named_accounts_trip_no_rule(string name)
    {
        foreach (var day in new[] { Today, new DateOnly(2025, 12, 31), new DateOnly(2028, 3, 1), new DateOnly(2027, 7, 4) })
        {
            var signals = Named(DemoPortfolio.Generate(day, 20), name);
            Assert.Empty(FiredRules(signals, day));
            Assert.True(Health(signals, day) >= 70);
        }
    }

    [Fact]
    public void Most_generated_active_accounts_are_quiet_and_every_default_rule_fires_somewhere()
    {
        var portfolio = DemoPortfolio.Generate(Today, 600);
        var active = portfolio.Skip(DemoScenarios.All.Count).Where(s => s.Account.ChurnedOn is null).ToArray();
        var fired = active.Select(s => FiredRules(s, Today)).ToArray();

        var quietShare = fired.Count(f => f.Count == 0) / (double)active.Length;
        Assert.InRange(quietShare, 0.6, 0.8);
        var everyRule = fired.SelectMany(f => f).ToHashSet();
        Assert.All(DemoScenarios.AtRisk.Select(s => s.PrimaryRuleId!), id => Assert.Contains(id, everyRule));
    }

    [Theory]
    [MemberData(nameof(GenerationDays))]
    public void Generated_accounts_trip_exactly_what_their_scenario_says(string day)
    {
        var today = DateOnly.Parse(day);
        var generated = DemoPortfolio.GenerateWithScenarios(today, 800).Skip(DemoScenarios.All.Count).ToArray();
        var primary = DemoScenarios.AtRisk.ToDictionary(s => s.Kind, s => s.PrimaryRuleId!);

        // Unscripted accounts carry a drifting latent risk: a few of them are genuinely slipping today and may trip a rule
        // that reads health, adoption or satisfaction, never one that only a scripted event trips.
        string[] driftRules = [DemoScenarios.RuleIds.HealthDrop, DemoScenarios.RuleIds.HealthCritical, DemoScenarios.RuleIds.LowCsat,
            DemoScenarios.RuleIds.RenewalAtRisk, DemoScenarios.RuleIds.LowSeatUtilization];
        var healthy = generated.Where(a => a.Scenario is DemoScenarioKind.Healthy).ToArray();
        Assert.InRange(healthy.Count(a => FiredRules(a.Signals, today).Count > 0), 0, healthy.Length * 3 / 100);
        Assert.All(generated, a =>
        {
            var fired = FiredRules(a.Signals, today);
            switch (a.Scenario)
            {
                case DemoScenarioKind.Healthy:
                    Assert.Empty(fired.Except(driftRules));
                    break;
                case DemoScenarioKind.Churned:
                    Assert.Empty(fired);
                    break;
                default:
                    Assert.Contains(primary[a.Scenario], fired);
                    break;
            }
        });
        Assert.All(Enum.GetValues<DemoScenarioKind>(), kind => Assert.Contains(generated, a => a.Scenario == kind));
    }
}
