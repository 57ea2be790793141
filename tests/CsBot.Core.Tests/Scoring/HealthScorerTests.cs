using CsBot.Core.Scoring;
using CsBot.Core.Signals;
using CsBot.Core.Tests.Builders;
using static CsBot.Core.Tests.Builders.ScoringSignalsBuilder;

namespace CsBot.Core.Tests.Scoring;

public class HealthScorerTests
{
    private static readonly HealthScorer Scorer = new(new ScoringOptions());

    private static ComponentScore Component(HealthScore score, HealthComponentKind kind) =>
        Assert.Single(score.Components, c => c.Kind == kind);

    private static OmittedComponent Omitted(HealthScore score, HealthComponentKind kind) =>
        Assert.Single(score.Omitted, c => c.Kind == kind);

    // ---- usage trend ----

    [Fact]
    public void Usage_trend_is_the_percent_change_of_the_last_7_days_vs_the_28_before()
    {
        var score = Scorer.Score(new ScoringSignalsBuilder().UsageTrend(baseline: 31, recent: 18).Build(), AsOf);

        var trend = Component(score, HealthComponentKind.UsageTrend);
        Assert.Equal(-41.94, trend.Value, 2);
        Assert.Equal(10.75, trend.Points, 2); // between (-50, 0) and (-20, 40)
        Assert.Equal("active users down 42% (31 -> 18) vs 28-day baseline", trend.Reason);
    }

    [Fact]
    public void Rising_usage_reads_as_up()
    {
        var score = Scorer.Score(new ScoringSignalsBuilder().UsageTrend(baseline: 20, recent: 22).Build(), AsOf);

        var trend = Component(score, HealthComponentKind.UsageTrend);
        Assert.Equal(10, trend.Value, 6);
        Assert.Equal(100, trend.Points, 6);
        Assert.Contains("up 10% (20 -> 22)", trend.Reason);
    }

    [Fact]
    public void Usage_trend_is_omitted_without_usage_in_the_last_7_days()
    {
        var score = Scorer.Score(new ScoringSignalsBuilder().DailyUsage(28, active: 20, endDaysAgo: 8).Build(), AsOf);

        Assert.DoesNotContain(score.Components, c => c.Kind == HealthComponentKind.UsageTrend);
        Assert.Contains("last 7 days", Omitted(score, HealthComponentKind.UsageTrend).Why);
    }

    [Fact]
    public void Usage_trend_is_omitted_when_the_baseline_had_no_active_users()
    {
        var score = Scorer.Score(new ScoringSignalsBuilder().UsageTrend(baseline: 0, recent: 5).Build(), AsOf);

        Assert.Contains("no active users", Omitted(score, HealthComponentKind.UsageTrend).Why);
    }

    // ---- seat utilisation ----

    [Fact]
    public void Seat_utilisation_is_7_day_average_active_users_over_licensed_seats()
    {
        var signals = new ScoringSignalsBuilder()
            .DailyUsage(30, active: 50, seats: 50, endDaysAgo: 7) // older days do not count
            .DailyUsage(7, active: 21, seats: 50)
            .Build();

        var seats = Component(Scorer.Score(signals, AsOf), HealthComponentKind.SeatUtilization);

        Assert.Equal(42, seats.Value, 6);
        Assert.Equal(36.67, seats.Points, 2); // between (20, 0) and (50, 50)
        Assert.Equal("seat utilisation 42% (21 of 50 seats active, 7-day average)", seats.Reason);
    }

    [Fact]
    public void Seat_utilisation_counts_whole_people_however_they_were_averaged()
    {
        var signals = new ScoringSignalsBuilder()
            .DailyUsage(4, active: 963, seats: 1200, endDaysAgo: 3)
            .DailyUsage(3, active: 964, seats: 1200)
            .Build();

        var seats = Component(Scorer.Score(signals, AsOf), HealthComponentKind.SeatUtilization);

        // 963.4 people on average are 963 people.
        Assert.Equal("seat utilisation 80% (963 of 1,200 seats active, 7-day average)", seats.Reason);
    }

    [Fact]
    public void Seat_utilisation_is_omitted_without_licensed_seats()
    {
        var score = Scorer.Score(new ScoringSignalsBuilder().DailyUsage(7, active: 5, seats: 0).Build(), AsOf);

        Assert.Contains("no licensed seats", Omitted(score, HealthComponentKind.SeatUtilization).Why);
    }

    // ---- login frequency ----

    [Fact]
    public void Login_frequency_is_logins_per_seat_per_week_over_28_days()
    {
        var signals = new ScoringSignalsBuilder()
            .DailyUsage(10, active: 5, seats: 50, logins: 500, endDaysAgo: 28) // before the window
            .DailyUsage(28, active: 5, seats: 50, logins: 10)
            .Build();

        var logins = Component(Scorer.Score(signals, AsOf), HealthComponentKind.LoginFrequency);

        Assert.Equal(1.4, logins.Value, 6); // 280 logins / 4 weeks / 50 seats
        Assert.Equal(60, logins.Points, 6); // between (1, 50) and (3, 100)
        Assert.StartsWith("1.4 logins per seat per week (280 logins over 28 days, 50 seats)", logins.Reason);
    }

    // ---- support burden ----

    [Fact]
    public void Support_burden_weighs_open_tickets_by_severity_and_age()
    {
        var signals = new ScoringSignalsBuilder()
            .Ticket(TicketSeverity.Critical, openedDaysAgo: 9)                     // 8 x (1 + 9/30) = 10.4
            .Ticket(TicketSeverity.Low, openedDaysAgo: 0)                          // 1 x 1 = 1
            .Ticket(TicketSeverity.High, openedDaysAgo: 20, closedDaysAgo: 2)      // closed: ignored
            .Ticket(TicketSeverity.Critical, openedDaysAgo: -1)                    // opened after asOf: ignored
            .Build();

        var support = Component(Scorer.Score(signals, AsOf), HealthComponentKind.SupportBurden);

        Assert.Equal(11.4, support.Value, 6);
        Assert.Equal(23, support.Points, 6); // between (4, 60) and (12, 20)
        Assert.Equal("2 open tickets (1 critical, 1 low; oldest 9 days open) weigh 11.4", support.Reason);
    }

    [Fact]
    public void A_ticket_closed_after_asOf_still_counts_as_open_that_day()
    {
        var signals = new ScoringSignalsBuilder().Ticket(TicketSeverity.Medium, openedDaysAgo: 3, closedDaysAgo: -2).Build();

        var support = Component(Scorer.Score(signals, AsOf), HealthComponentKind.SupportBurden);

        Assert.Equal(2.2, support.Value, 6);
    }

    [Fact]
    public void No_open_tickets_is_full_points_not_missing_data()
    {
        var support = Component(Scorer.Score(new ScoringSignalsBuilder().Build(), AsOf), HealthComponentKind.SupportBurden);

        Assert.Equal(0, support.Value);
        Assert.Equal(100, support.Points);
        Assert.Equal("no open tickets", support.Reason);
    }

    // ---- NPS ----

    [Fact]
    public void Nps_is_promoters_minus_detractors_over_the_window()
    {
        var signals = new ScoringSignalsBuilder()
            .Nps(9, daysAgo: 10).Nps(3, daysAgo: 20).Nps(5, daysAgo: 30).Nps(7, daysAgo: 40).Nps(8, daysAgo: 179)
            .Nps(0, daysAgo: 180)  // outside the 180-day window
            .Nps(0, daysAgo: -1)   // after asOf
            .Csat(1, daysAgo: 5)   // another survey kind
            .Build();

        var nps = Component(Scorer.Score(signals, AsOf), HealthComponentKind.Nps);

        Assert.Equal(-20, nps.Value, 6);
        Assert.Equal(40, nps.Points, 6); // between (-100, 0) and (0, 50)
        Assert.Equal("NPS -20 from 5 responses (1 promoter, 2 detractors) in 180 days", nps.Reason);
    }

    [Fact]
    public void Nps_is_omitted_without_responses_in_the_window()
    {
        var score = Scorer.Score(new ScoringSignalsBuilder().Nps(10, daysAgo: 200).Build(), AsOf);

        Assert.Equal("no NPS responses in the last 180 days", Omitted(score, HealthComponentKind.Nps).Why);
    }

    // ---- CSAT ----

    [Fact]
    public void Csat_is_the_average_response_over_the_window()
    {
        var signals = new ScoringSignalsBuilder().Csat(4, 10).Csat(3, 20).Csat(4, 30).Csat(5, 400).Build();

        var csat = Component(Scorer.Score(signals, AsOf), HealthComponentKind.Csat);

        Assert.Equal(3.667, csat.Value, 3);
        Assert.Equal(63.33, csat.Points, 2); // between (3, 40) and (4, 75)
        Assert.Equal("CSAT 3.7 average from 3 responses in 180 days", csat.Reason);
    }

    // ---- payment timeliness ----

    [Fact]
    public void Payment_timeliness_is_the_worst_days_overdue_counting_open_invoices_to_asOf()
    {
        var signals = new ScoringSignalsBuilder()
            .Invoice("INV-11", 1000, dueDaysAgo: 60, paidDaysAgo: 50) // paid 10 days late
            .Invoice("INV-12", 1000, dueDaysAgo: 34)                  // still open
            .Build();

        var payment = Component(Scorer.Score(signals, AsOf), HealthComponentKind.PaymentTimeliness);

        Assert.Equal(34, payment.Value);
        Assert.Equal(34.67, payment.Points, 2); // between (30, 40) and (60, 0)
        Assert.Equal("invoice INV-12 is 34 days overdue", payment.Reason);
    }

    [Fact]
    public void A_late_payment_is_reported_as_paid_late()
    {
        var signals = new ScoringSignalsBuilder().Invoice("INV-11", 1000, dueDaysAgo: 60, paidDaysAgo: 48).Build();

        var payment = Component(Scorer.Score(signals, AsOf), HealthComponentKind.PaymentTimeliness);

        Assert.Equal(12, payment.Value);
        Assert.Equal("invoice INV-11 was paid 12 days late", payment.Reason);
    }

    [Fact]
    public void Payment_timeliness_is_omitted_without_invoices_due_in_the_window()
    {
        var signals = new ScoringSignalsBuilder()
            .Invoice("INV-1", 1000, dueDaysAgo: 400)
            .Invoice("INV-2", 1000, dueDaysAgo: -5) // not due yet
            .Build();

        var score = Scorer.Score(signals, AsOf);

        Assert.Equal("no invoices due in the last 365 days", Omitted(score, HealthComponentKind.PaymentTimeliness).Why);
    }

    // ---- totals, renormalisation, omission ----

    [Fact]
    public void Missing_components_are_left_out_and_the_remaining_weights_renormalised()
    {
        // Only support burden (weight 15, no tickets: 100 points) and NPS (weight 10, NPS -20: 40 points) have data.
        var signals = new ScoringSignalsBuilder()
            .Nps(9, 10).Nps(3, 20).Nps(5, 30).Nps(7, 40).Nps(8, 50)
            .Build();

        var score = Scorer.Score(signals, AsOf);

        Assert.Equal(76, score.Score); // (100 x 15 + 40 x 10) / 25
        Assert.Equal(HealthBand.Good, score.Band);
        Assert.Equal(60, Component(score, HealthComponentKind.SupportBurden).Contribution, 6);
        Assert.Equal(16, Component(score, HealthComponentKind.Nps).Contribution, 6);
        Assert.Equal(5, score.Omitted.Count);
        Assert.True(score.HasData);
    }

    [Fact]
    public void Contributions_add_up_to_the_score()
    {
        var signals = new ScoringSignalsBuilder()
            .UsageTrend(baseline: 30, recent: 24).DailyUsage(28, active: 24, seats: 40, logins: 12)
            .Ticket(TicketSeverity.High, 12)
            .Nps(9, 3).Nps(6, 40).Csat(4, 12)
            .Invoice("INV-3", 500, dueDaysAgo: 20, paidDaysAgo: 15)
            .Build();

        var score = Scorer.Score(signals, AsOf);

        Assert.Equal(7, score.Components.Count);
        Assert.Empty(score.Omitted);
        Assert.Equal(score.Score, (int)Math.Round(score.Components.Sum(c => c.Contribution), MidpointRounding.AwayFromZero));
    }

    [Fact]
    public void Components_with_weight_zero_are_skipped_silently()
    {
        var options = new ScoringOptions();
        options.Components[HealthComponentKind.SupportBurden].Weight = 0;
        var signals = new ScoringSignalsBuilder().Nps(10, 5).Build();

        var score = new HealthScorer(options).Score(signals, AsOf);

        Assert.DoesNotContain(score.Components, c => c.Kind == HealthComponentKind.SupportBurden);
        Assert.DoesNotContain(score.Omitted, c => c.Kind == HealthComponentKind.SupportBurden);
        Assert.Equal(100, score.Score); // NPS 100 alone
    }

    [Fact]
    public void With_no_data_at_all_the_score_is_neutral_and_says_why()
    {
        var options = new ScoringOptions();
        options.Components[HealthComponentKind.SupportBurden].Weight = 0;

        var score = new HealthScorer(options).Score(new ScoringSignalsBuilder().Build(), AsOf);

        Assert.Equal(HealthScorer.NoDataScore, score.Score);
        Assert.Equal(HealthBand.Average, score.Band);
        Assert.False(score.HasData);
        Assert.Empty(score.Components);
        Assert.Equal(6, score.Omitted.Count);
    }

    [Fact]
    public void Data_dated_after_asOf_is_ignored_so_history_can_be_back_filled()
    {
        var past = AsOf.AddDays(-40);
        var builder = new ScoringSignalsBuilder().DailyUsage(80, active: 20, seats: 50, logins: 10, endDaysAgo: 40).Nps(10, 45);
        var before = Scorer.Score(builder.Build(), past);

        builder.DailyUsage(40, active: 1, seats: 50, logins: 0).Nps(0, 20).Ticket(TicketSeverity.Critical, 30).Invoice("INV-9", 10, 35);
        var after = Scorer.Score(builder.Build(), past);

        Assert.Equal(before.Score, after.Score);
        Assert.Equal(before.Components.Select(c => c.Reason), after.Components.Select(c => c.Reason));
    }

    [Fact]
    public void ScoreValue_and_ScoreHistory_agree_with_the_full_score()
    {
        var signals = new ScoringSignalsBuilder()
            .DailyUsage(60, active: 30, seats: 50, logins: 20, endDaysAgo: 10).DailyUsage(10, active: 8, seats: 50, logins: 2)
            .Ticket(TicketSeverity.Critical, 6).Nps(4, 8).Csat(2, 3).Invoice("INV-5", 100, 20)
            .Build();

        var history = Scorer.ScoreHistory(signals, AsOf.AddDays(-20), AsOf);

        Assert.Equal(21, history.Length);
        Assert.Equal(AsOf, history[^1].Date);
        foreach (var point in history)
        {
            Assert.Equal(Scorer.Score(signals, point.Date).Score, point.Score);
        }
        Assert.True(history[^1].Score < history[0].Score, "usage fell and trouble arrived, so the score should fall");
    }

    [Fact]
    public void ScoreHistory_matches_day_by_day_scoring_across_gaps_in_usage()
    {
        var builder = new ScoringSignalsBuilder().Nps(9, 50).Csat(2, 70).Ticket(TicketSeverity.High, 45, closedDaysAgo: 20);
        for (var daysAgo = 140; daysAgo >= 0; daysAgo--)
        {
            if (daysAgo % 11 == 3 || daysAgo is > 60 and < 75) continue; // missing days and a two-week outage
            builder.UsageOn(DaysAgo(daysAgo), active: 5 + daysAgo % 17, seats: daysAgo > 30 ? 40 : 25, logins: daysAgo % 5 * 3);
        }
        var signals = builder.Build();

        var history = Scorer.ScoreHistory(signals, AsOf.AddDays(-150), AsOf.AddDays(5));

        Assert.Equal(156, history.Length);
        foreach (var point in history)
        {
            Assert.Equal(Scorer.ScoreValue(signals, point.Date), point.Score);
            Assert.Equal(Scorer.Score(signals, point.Date).Score, point.Score);
        }
        Assert.True(history.Select(p => p.Score).Distinct().Count() > 5, "the fixture should move the score around");
    }

    // ---- bands ----

    [Theory]
    [InlineData(69, HealthBand.Average)]
    [InlineData(70, HealthBand.Good)]
    [InlineData(39, HealthBand.Poor)]
    [InlineData(40, HealthBand.Average)]
    [InlineData(0, HealthBand.Poor)]
    [InlineData(100, HealthBand.Good)]
    public void Default_bands_start_Good_at_70_and_Average_at_40(int points, HealthBand band)
    {
        var options = OnlySupportBurden(new CurvePoint(0, points));

        var score = new HealthScorer(options).Score(new ScoringSignalsBuilder().Build(), AsOf);

        Assert.Equal(points, score.Score);
        Assert.Equal(band, score.Band);
    }

    [Fact]
    public void The_total_is_clamped_to_100()
    {
        var score = new HealthScorer(OnlySupportBurden(new CurvePoint(0, 150))).Score(new ScoringSignalsBuilder().Build(), AsOf);

        Assert.Equal(100, score.Score);
    }

    private static ScoringOptions OnlySupportBurden(params CurvePoint[] curve)
    {
        var options = new ScoringOptions();
        foreach (var component in options.Components.Values) component.Weight = 0;
        options.Components[HealthComponentKind.SupportBurden] = new ComponentOptions { Weight = 1, Curve = [.. curve] };
        return options;
    }
}
