using CsBot.Core.Prediction;
using CsBot.Core.Signals;
using CsBot.DemoData;

namespace CsBot.Application.Tests.Prediction;

/// <summary>Features as of a snapshot day read nothing dated on or after it, whatever happened later.</summary>
public sealed class ChurnFeaturesTests
{
    private static readonly DateOnly Today = new(2026, 5, 14);
    private static readonly IReadOnlyList<AccountSignals> Portfolio = DemoPortfolio.Generate(Today, 200, usageDays: DemoPortfolio.FullHistoryUsageDays);
    private static readonly DateOnly[] Days = [new(2024, 8, 31), new(2025, 3, 31), new(2025, 10, 31), new(2026, 2, 28)];

    [Fact]
    public void Shifting_or_rewriting_everything_after_the_snapshot_day_changes_no_feature()
    {
        var compared = 0;
        foreach (var day in Days)
        {
            foreach (var signals in Portfolio.Where(s => ChurnFeatures.IsScorable(s.Account, day)))
            {
                var original = ChurnFeatures.Compute(signals, day);
                Assert.Equal(original, ChurnFeatures.Compute(RewriteFuture(signals, day), day));
                Assert.Equal(original, ChurnFeatures.Compute(DropFuture(signals, day), day));
                compared++;
            }
        }
        Assert.True(compared > 400, $"only {compared} snapshots compared");
    }

    [Fact]
    public void Features_do_see_what_happened_before_the_snapshot_day()
    {
        // The leakage test would pass for a builder that ignored every signal; this one shows the same rewrite, a day earlier, moves features.
        var day = Days[2];
        var moved = Portfolio.Where(s => ChurnFeatures.IsScorable(s.Account, day))
            .Count(s => !ChurnFeatures.Compute(s, day).SequenceEqual(ChurnFeatures.Compute(RewriteFuture(s, day.AddDays(-45)), day)));
        Assert.True(moved > 100, $"only {moved} accounts' features moved");
    }

    [Fact]
    public void Every_feature_has_a_name_and_accounts_differ_on_every_feature()
    {
        // As of the generation day, when the scripted scenarios (nobody logging in, overdue invoices) are under way.
        var rows = Portfolio.Where(s => ChurnFeatures.IsScorable(s.Account, Today)).Select(s => ChurnFeatures.Compute(s, Today)).ToArray();
        Assert.All(rows, r => Assert.Equal(ChurnFeatures.Names.Count, r.Length));
        for (var f = 0; f < ChurnFeatures.Count; f++)
            Assert.True(rows.Select(r => r[f]).Where(v => !float.IsNaN(v)).Distinct().Count() > 1, $"'{ChurnFeatures.Names[f]}' is constant");
    }

    [Fact]
    public void A_churn_or_a_deep_enough_contraction_within_the_horizon_is_the_label()
    {
        var label = new ChurnLabel(HorizonDays: 90, ContractionShare: 0.2);
        var churned = Portfolio.First(s => s.Account.ChurnedOn is { } c && c < Today.AddDays(-200));
        var churnedOn = churned.Account.ChurnedOn!.Value;

        Assert.True(label.Of(churned, churnedOn.AddDays(-90), Today));
        Assert.True(label.Of(churned, churnedOn.AddDays(-1), Today));
        Assert.False(label.Of(churned, churnedOn.AddDays(-91), Today));

        var account = Portfolio.First(s => s.Account.ChurnedOn is null && s.Account.StartDate < Today.AddDays(-400)).Account;
        var mrr = 1_000m;
        AccountSignals With(params RevenueEvent[] later) => new()
        {
            Account = account,
            RevenueEvents = [new RevenueEvent("r0", account.Id, RevenueEventKind.New, mrr, account.StartDate), .. later],
        };
        var day = Today.AddDays(-200);
        Assert.True(label.Of(With(new RevenueEvent("r1", account.Id, RevenueEventKind.Contraction, -200m, day.AddDays(30))), day, Today));
        Assert.False(label.Of(With(new RevenueEvent("r1", account.Id, RevenueEventKind.Contraction, -150m, day.AddDays(30))), day, Today));
        Assert.False(label.Of(With(new RevenueEvent("r1", account.Id, RevenueEventKind.Contraction, -500m, day.AddDays(95))), day, Today));
        // A window that is not over yet has no label: "no churn yet" is not "no churn".
        Assert.Null(label.Of(With(), Today.AddDays(-30), Today));
    }

    [Fact]
    public void The_demo_history_ties_churn_to_the_signals_loosely()
    {
        var label = new ChurnLabel();
        var rows = ChurnTrainingSet.Build(Portfolio, ChurnSnapshots.MonthEnds(Today, 24, label), Today, label).All;
        var positives = Enumerable.Range(0, rows.Count).Where(rows.Label).ToArray();
        var negatives = Enumerable.Range(0, rows.Count).Where(i => !rows.Label(i)).ToArray();
        double Mean(IEnumerable<int> set, int feature) => set.Select(i => (double)rows.Features(i)[feature]).Where(v => !double.IsNaN(v)).Average();

        Assert.InRange(positives.Length / (double)rows.Count, 0.01, 0.10);
        // Before a churn, adoption and sentiment are lower on average ...
        Assert.True(Mean(positives, 0) < Mean(negatives, 0));
        Assert.True(Mean(positives, 9) < Mean(negatives, 9));
        // ... but far from always: many churners looked as adopted as the median account.
        var medianUse = negatives.Select(i => rows.Features(i)[0]).Order().ElementAt(negatives.Length / 2);
        Assert.InRange(positives.Count(i => rows.Features(i)[0] >= medianUse) / (double)positives.Length, 0.15, 0.6);
    }

    /// <summary>Everything on or after <paramref name="day"/> rewritten: usage zeroed and moved, new tickets, bad surveys, churn, and today's CRM fields changed.</summary>
    private static AccountSignals RewriteFuture(AccountSignals s, DateOnly day)
    {
        var at = new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc));
        return s with
        {
            Account = s.Account with { Mrr = 123_456m, ChurnedOn = day.AddDays(3), RenewalDate = day.AddDays(5), Segment = s.Account.Segment },
            Usage = [.. s.Usage.Select(u => u.Date >= day ? u with { ActiveUsers = 0, Logins = 0, KeyFeatureUses = 0, LicensedSeats = 1 } : u)],
            Tickets = [.. s.Tickets.Select(t => t.Closed is { } c && c > at ? t with { Closed = c.AddDays(300) } : t),
                new SupportTicket("future-1", s.Account.Id, TicketSeverity.Critical, at.AddHours(1)),
                new SupportTicket("future-2", s.Account.Id, TicketSeverity.Critical, at.AddDays(10))],
            Surveys = [.. s.Surveys.Select(x => x.Date >= day ? x with { Score = 0 } : x), new SurveyResponse("future-nps", s.Account.Id, SurveyKind.Nps, 0, day)],
            Invoices = [.. s.Invoices.Select(i => i.PaidOn is { } p && p >= day ? i with { PaidOn = p.AddDays(200) } : i)],
            RevenueEvents = [.. s.RevenueEvents, new RevenueEvent("future-churn", s.Account.Id, RevenueEventKind.Churn, -1_000_000m, day)],
        };
    }

    /// <summary>Everything on or after <paramref name="day"/> removed, and what was still open then shown open.</summary>
    private static AccountSignals DropFuture(AccountSignals s, DateOnly day)
    {
        var at = new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc));
        return s with
        {
            Account = s.Account with { ChurnedOn = null, RenewalDate = null, Mrr = 0m },
            Usage = [.. s.Usage.Where(u => u.Date < day)],
            Tickets = [.. s.Tickets.Where(t => t.Opened < at).Select(t => t.Closed >= at ? t with { Closed = null } : t)],
            Surveys = [.. s.Surveys.Where(x => x.Date < day)],
            Invoices = [.. s.Invoices.Where(i => i.IssuedOn < day).Select(i => i.PaidOn >= day ? i with { PaidOn = null } : i)],
            RevenueEvents = [.. s.RevenueEvents.Where(e => e.Date < day)],
            RenewalOutcomes = [.. s.RenewalOutcomes.Where(o => o.RenewalDate < day)],
        };
    }
}
