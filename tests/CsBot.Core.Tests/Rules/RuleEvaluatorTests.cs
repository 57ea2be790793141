using CsBot.Core.Metrics;
using CsBot.Core.Rules;
using CsBot.Core.Scoring;
using CsBot.Core.Signals;
using CsBot.Core.Tests.Builders;
using static CsBot.Core.Tests.Builders.ScoringSignalsBuilder;

namespace CsBot.Core.Tests.Rules;

public class RuleEvaluatorTests
{
    private static HealthScore Health(int score, HealthBand? band = null) => new()
    {
        AccountId = "acc-1",
        AsOf = AsOf,
        Score = score,
        Band = band ?? new ScoringOptions().BandFor(score),
        Components = [new ComponentScore(HealthComponentKind.SupportBurden, 0, score, 1, score, "test")],
    };

    private static IReadOnlyList<RuleHit> Evaluate(
        RuleDefinition rule,
        ScoringSignalsBuilder? signals = null,
        HealthScore? current = null,
        ScorePoint[]? history = null)
    {
        var evaluator = new RuleEvaluator(new RulesOptions { Definitions = [rule] }, new MetricsOptions());
        return evaluator.Evaluate((signals ?? new ScoringSignalsBuilder()).Build(), current ?? Health(80), history ?? [], AsOf);
    }

    private static RuleHit Hit(IReadOnlyList<RuleHit> hits) => Assert.Single(hits);

    // ---- HealthBelow ----

    private static readonly RuleDefinition HealthCritical = new() { Id = "health-critical", Kind = RuleKind.HealthBelow, Severity = Severity.High, Threshold = 40 };

    [Fact]
    public void HealthBelow_fires_under_the_threshold()
    {
        var hit = Hit(Evaluate(HealthCritical, current: Health(34)));

        Assert.Equal("health 34 is below 40", hit.Reason);
        Assert.Equal(34, hit.Observed);
        Assert.Equal(("health-critical", RuleKind.HealthBelow, Severity.High, "acc-1"), (hit.RuleId, hit.Kind, hit.Severity, hit.AccountId));
    }

    [Fact]
    public void HealthBelow_does_not_fire_at_the_threshold() => Assert.Empty(Evaluate(HealthCritical, current: Health(40)));

    [Fact]
    public void HealthBelow_fires_one_below_the_threshold() => Assert.Single(Evaluate(HealthCritical, current: Health(39)));

    [Fact]
    public void Health_rules_ignore_a_neutral_score_without_data()
    {
        var noData = new HealthScore { AccountId = "acc-1", AsOf = AsOf, Score = 30, Band = HealthBand.Poor };

        Assert.Empty(Evaluate(HealthCritical, current: noData));
    }

    // ---- HealthDrop ----

    private static readonly RuleDefinition HealthDrop = new() { Id = "health-drop", Kind = RuleKind.HealthDrop, Points = 15, Days = 30 };

    [Fact]
    public void HealthDrop_compares_with_the_score_Days_ago()
    {
        ScorePoint[] history = [new(AsOf.AddDays(-40), 90), new(AsOf.AddDays(-30), 71), new(AsOf.AddDays(-10), 60)];

        var hit = Hit(Evaluate(HealthDrop, current: Health(49), history: history));

        Assert.Equal("health fell 22 points in 30 days (71 -> 49)", hit.Reason);
        Assert.Equal(22, hit.Observed);
    }

    [Fact]
    public void HealthDrop_uses_the_latest_point_before_when_the_exact_day_is_missing()
    {
        ScorePoint[] history = [new(AsOf.AddDays(-35), 80), new(AsOf.AddDays(-29), 40)];

        var hit = Hit(Evaluate(HealthDrop, current: Health(60), history: history));

        Assert.Equal("health fell 20 points in 35 days (80 -> 60)", hit.Reason);
    }

    [Theory]
    [InlineData(65, true)]  // fell exactly 15
    [InlineData(66, false)] // fell 14
    public void HealthDrop_fires_at_a_drop_of_exactly_Points(int now, bool fires)
    {
        ScorePoint[] history = [new(AsOf.AddDays(-30), 80)];

        Assert.Equal(fires, Evaluate(HealthDrop, current: Health(now), history: history).Count == 1);
    }

    [Fact]
    public void HealthDrop_cannot_fire_without_history_that_old()
    {
        Assert.Empty(Evaluate(HealthDrop, current: Health(10), history: []));
        Assert.Empty(Evaluate(HealthDrop, current: Health(10), history: [new(AsOf.AddDays(-29), 90)]));
    }

    // ---- UsageDrop ----

    private static readonly RuleDefinition UsageCliff = new() { Id = "usage-cliff", Kind = RuleKind.UsageDrop, Percent = 40, RecentDays = 7, BaselineDays = 28 };

    [Fact]
    public void UsageDrop_fires_when_recent_active_users_fall_by_Percent()
    {
        var hit = Hit(Evaluate(UsageCliff, new ScoringSignalsBuilder().UsageTrend(baseline: 31, recent: 18)));

        Assert.Equal("active users down 42% (31 -> 18) vs 28-day baseline", hit.Reason);
        Assert.Equal(41.94, hit.Observed, 2);
    }

    [Theory]
    [InlineData(6, true)]  // down exactly 40%
    [InlineData(7, false)] // down 30%
    public void UsageDrop_boundary(int recent, bool fires) =>
        Assert.Equal(fires, Evaluate(UsageCliff, new ScoringSignalsBuilder().UsageTrend(baseline: 10, recent: recent)).Count == 1);

    [Fact]
    public void UsageDrop_uses_the_configured_windows()
    {
        var rule = new RuleDefinition { Id = "short", Kind = RuleKind.UsageDrop, Percent = 50, RecentDays = 3, BaselineDays = 14 };
        var signals = new ScoringSignalsBuilder().DailyUsage(14, active: 20, endDaysAgo: 3).DailyUsage(3, active: 5);

        var hit = Hit(Evaluate(rule, signals));

        Assert.Equal("active users down 75% (20 -> 5) vs 14-day baseline", hit.Reason);
    }

    [Fact]
    public void UsageDrop_does_not_fire_without_usage_data() => Assert.Empty(Evaluate(UsageCliff));

    // ---- SeatUtilizationBelow ----

    private static readonly RuleDefinition LowSeats = new() { Id = "low-seat-utilization", Kind = RuleKind.SeatUtilizationBelow, Percent = 30 };

    [Fact]
    public void SeatUtilizationBelow_fires_under_Percent()
    {
        var hit = Hit(Evaluate(LowSeats, new ScoringSignalsBuilder().DailyUsage(7, active: 9, seats: 50)));

        Assert.Equal("seat utilisation 18% (9 of 50 seats active) is below 30%", hit.Reason);
        Assert.Equal(18, hit.Observed, 6);
    }

    [Fact]
    public void SeatUtilizationBelow_does_not_fire_at_Percent() =>
        Assert.Empty(Evaluate(LowSeats, new ScoringSignalsBuilder().DailyUsage(7, active: 15, seats: 50)));

    // ---- NoLogin ----

    private static readonly RuleDefinition NoLogin = new() { Id = "no-login", Kind = RuleKind.NoLogin, Days = 14 };

    [Fact]
    public void NoLogin_fires_after_Days_without_a_login()
    {
        var signals = new ScoringSignalsBuilder().DailyUsage(30, active: 0, logins: 0).UsageOn(DaysAgo(17), active: 3, logins: 4);

        var hit = Hit(Evaluate(NoLogin, signals));

        Assert.Equal("no login for 17 days (last on 2026-11-09)", hit.Reason);
        Assert.Equal(17, hit.Observed);
    }

    [Theory]
    [InlineData(14, true)]
    [InlineData(13, false)]
    public void NoLogin_boundary(int daysAgo, bool fires)
    {
        var signals = new ScoringSignalsBuilder().DailyUsage(30, active: 0).UsageOn(DaysAgo(daysAgo), active: 1, logins: 1);

        Assert.Equal(fires, Evaluate(NoLogin, signals).Count == 1);
    }

    [Fact]
    public void NoLogin_ignores_logins_after_asOf()
    {
        var signals = new ScoringSignalsBuilder().DailyUsage(20, active: 0).UsageOn(DaysAgo(20), 1, logins: 1).UsageOn(DaysAgo(-1), 1, logins: 9);

        Assert.Equal(20, Hit(Evaluate(NoLogin, signals)).Observed);
    }

    [Fact]
    public void NoLogin_counts_from_the_first_usage_row_when_nobody_ever_logged_in()
    {
        var hit = Hit(Evaluate(NoLogin, new ScoringSignalsBuilder().DailyUsage(21, active: 0)));

        Assert.Equal("no login for 20 days (none since usage tracking began on 2026-11-06)", hit.Reason);
    }

    [Fact]
    public void NoLogin_says_nothing_without_any_usage_data() => Assert.Empty(Evaluate(NoLogin));

    // ---- NpsDetractor ----

    private static readonly RuleDefinition Detractor = new() { Id = "nps-detractor", Kind = RuleKind.NpsDetractor, Days = 30 };

    [Fact]
    public void NpsDetractor_fires_on_a_recent_score_of_6_or_less()
    {
        var hit = Hit(Evaluate(Detractor, new ScoringSignalsBuilder().Nps(3, daysAgo: 24, respondent: "jane@acme.com").Nps(9, daysAgo: 2)));

        Assert.Equal("NPS 3 from jane@acme.com on 2026-11-02 (detractor)", hit.Reason);
        Assert.Equal(3, hit.Observed);
    }

    [Fact]
    public void NpsDetractor_reports_the_latest_detractor_and_how_many()
    {
        var hit = Hit(Evaluate(Detractor, new ScoringSignalsBuilder().Nps(2, 20, "a@acme.com").Nps(6, 5, "b@acme.com")));

        Assert.Equal("NPS 6 from b@acme.com on 2026-11-21 (detractor; 2 detractors in 30 days)", hit.Reason);
    }

    [Theory]
    [InlineData(6, 29, true)]
    [InlineData(7, 5, false)]  // passive
    [InlineData(0, 30, false)] // outside the 30 days ending asOf
    [InlineData(0, -1, false)] // after asOf
    public void NpsDetractor_boundaries(int score, int daysAgo, bool fires) =>
        Assert.Equal(fires, Evaluate(Detractor, new ScoringSignalsBuilder().Nps(score, daysAgo)).Count == 1);

    // ---- CsatBelow ----

    private static readonly RuleDefinition LowCsat = new() { Id = "low-csat", Kind = RuleKind.CsatBelow, Threshold = 3, Days = 90 };

    [Fact]
    public void CsatBelow_fires_when_the_average_is_under_the_threshold()
    {
        var signals = new ScoringSignalsBuilder().Csat(2, 5).Csat(2, 10).Csat(3, 20).Csat(3, 40).Csat(2, 89).Csat(5, 90);

        var hit = Hit(Evaluate(LowCsat, signals));

        Assert.Equal("average CSAT 2.4 from 5 responses in 90 days is below 3", hit.Reason);
        Assert.Equal(2.4, hit.Observed, 6);
    }

    [Fact]
    public void CsatBelow_does_not_fire_at_the_threshold() =>
        Assert.Empty(Evaluate(LowCsat, new ScoringSignalsBuilder().Csat(2, 5).Csat(4, 6)));

    [Fact]
    public void CsatBelow_does_not_fire_without_responses() => Assert.Empty(Evaluate(LowCsat));

    // ---- InvoiceOverdue ----

    private static readonly RuleDefinition Overdue = new() { Id = "invoice-overdue", Kind = RuleKind.InvoiceOverdue, Days = 30 };

    [Fact]
    public void InvoiceOverdue_fires_on_an_unpaid_invoice_more_than_Days_past_due()
    {
        var hit = Hit(Evaluate(Overdue, new ScoringSignalsBuilder().Invoice("INV-77", 12_000m, dueDaysAgo: 41).Invoice("INV-78", 500m, dueDaysAgo: 10)));

        Assert.Equal("invoice INV-77 ($12k) is 41 days overdue", hit.Reason);
        Assert.Equal(41, hit.Observed);
    }

    [Theory]
    [InlineData(31, null, true)]
    [InlineData(30, null, false)] // exactly Days past due is not more than Days
    [InlineData(60, 5, false)]    // paid
    [InlineData(60, -3, true)]    // paid, but only after asOf
    public void InvoiceOverdue_boundaries(int dueDaysAgo, int? paidDaysAgo, bool fires) =>
        Assert.Equal(fires, Evaluate(Overdue, new ScoringSignalsBuilder().Invoice("INV-1", 100m, dueDaysAgo, paidDaysAgo)).Count == 1);

    // ---- OpenCriticalTickets ----

    private static readonly RuleDefinition CriticalTickets = new() { Id = "critical-tickets", Kind = RuleKind.OpenCriticalTickets, Severity = Severity.Critical, Count = 2 };

    [Fact]
    public void OpenCriticalTickets_fires_at_Count_open_critical_tickets()
    {
        var signals = new ScoringSignalsBuilder()
            .Ticket(TicketSeverity.Critical, 12).Ticket(TicketSeverity.Critical, 3).Ticket(TicketSeverity.Critical, 1)
            .Ticket(TicketSeverity.High, 2);

        var hit = Hit(Evaluate(CriticalTickets, signals));

        Assert.StartsWith("3 critical tickets open", hit.Reason);
        Assert.Contains("oldest 12 days", hit.Reason);
        Assert.Equal(3, hit.Observed);
        Assert.Equal(Severity.Critical, hit.Severity);
    }

    [Theory]
    [InlineData(2, true)]
    [InlineData(1, false)]
    public void OpenCriticalTickets_boundary(int open, bool fires)
    {
        var signals = new ScoringSignalsBuilder().Ticket(TicketSeverity.Critical, 20, closedDaysAgo: 1).Ticket(TicketSeverity.High, 2);
        for (var i = 0; i < open; i++) signals.Ticket(TicketSeverity.Critical, i + 1);

        Assert.Equal(fires, Evaluate(CriticalTickets, signals).Count == 1);
    }

    // ---- RenewalAtRisk ----

    private static readonly RuleDefinition Renewal = new() { Id = "renewal-at-risk", Kind = RuleKind.RenewalAtRisk, Days = 60 };

    [Fact]
    public void RenewalAtRisk_fires_for_a_near_renewal_with_poor_or_average_health()
    {
        var hit = Hit(Evaluate(Renewal, new ScoringSignalsBuilder().RenewsOn(new DateOnly(2027, 1, 10)), Health(38)));

        Assert.Equal("renews on 2027-01-10 (45 days) with health 38 (Poor)", hit.Reason);
        Assert.Equal(45, hit.Observed);
    }

    [Theory]
    [InlineData(60, 55, true)]  // Average band
    [InlineData(61, 30, false)] // too far out
    [InlineData(10, 80, false)] // Good band
    [InlineData(-1, 30, false)] // renewal already passed
    [InlineData(0, 30, true)]   // renews today
    public void RenewalAtRisk_boundaries(int inDays, int score, bool fires) =>
        Assert.Equal(fires, Evaluate(Renewal, new ScoringSignalsBuilder().RenewsOn(AsOf.AddDays(inDays)), Health(score)).Count == 1);

    [Fact]
    public void RenewalAtRisk_uses_the_configured_bands()
    {
        var rule = new RuleDefinition { Id = "renewal-watch", Kind = RuleKind.RenewalAtRisk, Days = 60, Bands = [HealthBand.Good] };
        var signals = new ScoringSignalsBuilder().RenewsOn(AsOf.AddDays(30));

        Assert.Single(Evaluate(rule, signals, Health(85)));
        Assert.Empty(Evaluate(rule, signals, Health(20)));
    }

    [Fact]
    public void RenewalAtRisk_does_not_fire_without_a_renewal_date() => Assert.Empty(Evaluate(Renewal, current: Health(10)));

    // ---- Contraction ----

    private static readonly RuleDefinition Contraction = new() { Id = "contraction", Kind = RuleKind.Contraction, Percent = 20, Days = 30 };

    [Fact]
    public void Contraction_fires_when_MRR_shrank_by_Percent_in_the_window()
    {
        var signals = new ScoringSignalsBuilder().Mrr(7_500m).Revenue(RevenueEventKind.Contraction, -2_500m, daysAgo: 10);

        var hit = Hit(Evaluate(Contraction, signals));

        Assert.Equal("MRR contracted 25% (-$2,500 of $10k) in the last 30 days", hit.Reason);
        Assert.Equal(25, hit.Observed, 6);
    }

    [Fact]
    public void Contraction_measures_against_MRR_as_the_window_began_even_when_back_testing()
    {
        // Today's MRR is 9,000 after a later expansion; on asOf the account had 8,000 after contracting from 10,000.
        var signals = new ScoringSignalsBuilder().Mrr(9_000m)
            .Revenue(RevenueEventKind.Contraction, -2_000m, daysAgo: 5)
            .Revenue(RevenueEventKind.Expansion, 1_000m, daysAgo: -10);

        var hit = Hit(Evaluate(Contraction, signals));

        Assert.Equal("MRR contracted 20% (-$2,000 of $10k) in the last 30 days", hit.Reason);
    }

    [Theory]
    [InlineData(-1_999, 10, false)] // just under 20%
    [InlineData(-2_000, 10, true)]  // exactly 20%
    [InlineData(-5_000, 30, false)] // before the 30 days ending asOf
    public void Contraction_boundaries(int delta, int daysAgo, bool fires) =>
        Assert.Equal(fires, Evaluate(Contraction, new ScoringSignalsBuilder().Mrr(10_000m + delta).Revenue(RevenueEventKind.Contraction, delta, daysAgo)).Count == 1);

    // ---- whole rule set ----

    [Fact]
    public void Disabled_rules_never_fire()
    {
        var disabled = new RuleDefinition { Id = "health-critical", Kind = RuleKind.HealthBelow, Threshold = 40, Enabled = false };

        Assert.Empty(Evaluate(disabled, current: Health(5)));
    }

    [Fact]
    public void Churned_accounts_raise_nothing_from_the_day_they_churn()
    {
        var evaluator = new RuleEvaluator(new RulesOptions(), new MetricsOptions());
        var troubled = new ScoringSignalsBuilder().UsageTrend(30, 2).Ticket(TicketSeverity.Critical, 3).Ticket(TicketSeverity.Critical, 4);

        Assert.Empty(evaluator.Evaluate(troubled.ChurnedOn(AsOf).Build(), Health(10), [], AsOf));
        Assert.NotEmpty(evaluator.Evaluate(troubled.ChurnedOn(AsOf.AddDays(1)).Build(), Health(10), [], AsOf));
    }

    [Fact]
    public void The_default_rules_flag_a_struggling_account_and_leave_a_healthy_one_alone()
    {
        var scorer = new HealthScorer(new ScoringOptions());
        var evaluator = new RuleEvaluator(new RulesOptions(), new MetricsOptions());

        var healthy = new ScoringSignalsBuilder().DailyUsage(35, active: 40, seats: 50, logins: 30).Nps(10, 10).Csat(5, 10)
            .Invoice("INV-1", 1000, 20, paidDaysAgo: 22).RenewsOn(AsOf.AddDays(40)).Build();
        var healthyHits = evaluator.Evaluate(healthy, scorer.Score(healthy, AsOf), [new(AsOf.AddDays(-30), 90)], AsOf);
        Assert.Empty(healthyHits);

        var struggling = new ScoringSignalsBuilder().UsageTrend(baseline: 30, recent: 5).Nps(2, 3).Csat(1, 4)
            .Ticket(TicketSeverity.Critical, 10).Ticket(TicketSeverity.Critical, 2)
            .Invoice("INV-2", 4000, 45).RenewsOn(AsOf.AddDays(40)).Build();
        var score = scorer.Score(struggling, AsOf);
        var hits = evaluator.Evaluate(struggling, score, [new(AsOf.AddDays(-30), 90)], AsOf);

        Assert.Equal(
            ["health-critical", "health-drop", "usage-cliff", "low-seat-utilization", "no-login", "nps-detractor", "low-csat", "invoice-overdue", "critical-tickets", "renewal-at-risk"],
            hits.Select(h => h.RuleId));
        Assert.All(hits, h => Assert.Equal("acc-1", h.AccountId));
    }
}
