using CsBot.Core.Scoring;
using CsBot.Core.Signals;
using static CsBot.Core.ReasonText;

namespace CsBot.Core.Rules;

/// <summary>
/// Evaluates the configured churn-risk rules for one account on one day. Pure: reads only data dated on or before
/// <c>asOf</c>. Each hit carries one sentence with the numbers and the measured value.
/// </summary>
/// <remarks>
/// A rule missing a parameter it needs does not fire (configuration is checked up front by <see cref="RuleValidation"/>).
/// Rules on the health score do not fire when the score had no data at all (<see cref="HealthScore.HasData"/> false):
/// its neutral value says nothing about risk.
/// </remarks>
public sealed class RuleEvaluator(RulesOptions options)
{
    /// <summary>Bands <see cref="RuleKind.RenewalAtRisk"/> fires for when its <c>Bands</c> are not configured.</summary>
    public static readonly IReadOnlyList<HealthBand> DefaultRenewalBands = [HealthBand.Poor, HealthBand.Average];

    public IReadOnlyList<RuleHit> Evaluate(AccountSignals signals, HealthScore current, ReadOnlySpan<ScorePoint> history, DateOnly asOf)
    {
        if (signals.Account.ChurnedOn is { } churned && churned <= asOf) return [];

        var context = new Context(signals, current, asOf);
        List<RuleHit>? hits = null;
        foreach (var rule in options.Definitions)
        {
            if (rule is null || !rule.Enabled) continue;
            var finding = rule.Kind switch
            {
                RuleKind.HealthBelow => HealthBelow(rule, context),
                RuleKind.HealthDrop => HealthDrop(rule, context, history),
                RuleKind.UsageDrop => UsageDrop(rule, context),
                RuleKind.SeatUtilizationBelow => SeatUtilizationBelow(rule, context),
                RuleKind.NoLogin => NoLogin(rule, context),
                RuleKind.NpsDetractor => NpsDetractor(rule, context),
                RuleKind.CsatBelow => CsatBelow(rule, context),
                RuleKind.InvoiceOverdue => InvoiceOverdue(rule, context),
                RuleKind.OpenCriticalTickets => OpenCriticalTickets(rule, context),
                RuleKind.RenewalAtRisk => RenewalAtRisk(rule, context),
                RuleKind.Contraction => Contraction(rule, context),
                _ => null,
            };
            if (finding is { } f)
            {
                (hits ??= []).Add(new RuleHit(rule.Id, rule.Kind, rule.Severity, signals.Account.Id, f.Reason, f.Observed));
            }
        }
        return hits ?? (IReadOnlyList<RuleHit>)[];
    }

    private readonly record struct Finding(string Reason, double Observed);

    private sealed class Context(AccountSignals signals, HealthScore current, DateOnly asOf)
    {
        public AccountSignals Signals { get; } = signals;
        public HealthScore Current { get; } = current;
        public DateOnly AsOf { get; } = asOf;
        public UsageDay[] Usage => Signals.Usage;
    }

    private static Finding? HealthBelow(RuleDefinition rule, Context c)
    {
        if (rule.Threshold is not { } threshold || !c.Current.HasData) return null;
        var score = c.Current.Score;
        return score < threshold ? new Finding($"health {score} is below {One(threshold)}", score) : null;
    }

    private static Finding? HealthDrop(RuleDefinition rule, Context c, ReadOnlySpan<ScorePoint> history)
    {
        if (rule.Points is not { } points || rule.Days is not { } days || !c.Current.HasData) return null;
        var past = LatestOnOrBefore(history, c.AsOf.AddDays(-days));
        if (past is not { } then) return null;
        var drop = then.Score - c.Current.Score;
        if (drop < points) return null;
        var span = c.AsOf.DayNumber - then.Date.DayNumber;
        return new Finding($"health fell {Count(drop, "point")} in {Count(span, "day")} ({then.Score} -> {c.Current.Score})", drop);
    }

    /// <summary>The latest point dated on or before <paramref name="day"/> in a history sorted oldest first.</summary>
    internal static ScorePoint? LatestOnOrBefore(ReadOnlySpan<ScorePoint> history, DateOnly day)
    {
        int lo = 0, hi = history.Length;
        while (lo < hi)
        {
            var mid = (int)((uint)(lo + hi) >> 1);
            if (history[mid].Date <= day) lo = mid + 1;
            else hi = mid;
        }
        return lo == 0 ? null : history[lo - 1];
    }

    private static Finding? UsageDrop(RuleDefinition rule, Context c)
    {
        if (rule.Percent is not { } percent) return null;
        var recentDays = rule.RecentDays ?? HealthScorer.RecentDays;
        var baselineDays = rule.BaselineDays ?? HealthScorer.BaselineDays;
        if (recentDays < 1 || baselineDays < 1) return null;
        if (UsageWindow.Trend(c.Usage, c.AsOf, recentDays, baselineDays) is not { } trend) return null;
        var drop = -trend.ChangePercent;
        if (drop < percent) return null;
        return new Finding(
            $"active users down {Whole(drop)}% ({One(trend.BaselineAverage)} -> {One(trend.RecentAverage)}) vs {baselineDays}-day baseline",
            drop);
    }

    private static Finding? SeatUtilizationBelow(RuleDefinition rule, Context c)
    {
        if (rule.Percent is not { } percent) return null;
        var recent = UsageWindow.Last(c.Usage, c.AsOf, HealthScorer.RecentDays);
        if (recent.SeatUtilizationPercent is not { } utilisation || utilisation >= percent) return null;
        return new Finding(
            $"seat utilisation {Whole(utilisation)}% ({One(recent.AverageActiveUsers)} of {recent.LatestSeats} seats) is below {One(percent)}%",
            utilisation);
    }

    private static Finding? NoLogin(RuleDefinition rule, Context c)
    {
        if (rule.Days is not { } days) return null;
        var upTo = UsageWindow.UpTo(c.Usage, c.AsOf);
        if (upTo.IsEmpty) return null; // no usage feed at all: nothing to say about logins
        if (UsageWindow.LastLogin(upTo, c.AsOf) is { } last)
        {
            var since = c.AsOf.DayNumber - last.DayNumber;
            return since >= days ? new Finding($"no login for {Count(since, "day")} (last on {Date(last)})", since) : null;
        }
        var first = upTo[0].Date;
        var tracked = c.AsOf.DayNumber - first.DayNumber;
        return tracked >= days ? new Finding($"no login for {Count(tracked, "day")} (none since usage tracking began on {Date(first)})", tracked) : null;
    }

    private static Finding? NpsDetractor(RuleDefinition rule, Context c)
    {
        if (rule.Days is not { } days) return null;
        var from = c.AsOf.AddDays(1 - days);
        SurveyResponse? latest = null;
        var detractors = 0;
        var surveys = c.Signals.Surveys;
        for (var i = 0; i < surveys.Count; i++)
        {
            var response = surveys[i];
            if (!response.IsDetractor || response.Date < from || response.Date > c.AsOf) continue;
            detractors++;
            if (latest is null || response.Date > latest.Date || (response.Date == latest.Date && response.Score < latest.Score)) latest = response;
        }
        if (latest is null) return null;
        var who = string.IsNullOrWhiteSpace(latest.Respondent) ? "" : $" from {latest.Respondent}";
        var more = detractors > 1 ? $"; {Count(detractors, "detractor")} in {days} days" : "";
        return new Finding($"NPS {latest.Score}{who} on {Date(latest.Date)} (detractor{more})", latest.Score);
    }

    private static Finding? CsatBelow(RuleDefinition rule, Context c)
    {
        if (rule.Threshold is not { } threshold || rule.Days is not { } days) return null;
        var csat = SurveySummary.Last(c.Signals.Surveys, SurveyKind.Csat, c.AsOf, days);
        if (csat.Average is not { } average || average >= threshold) return null;
        return new Finding(
            $"average CSAT {One(average)} from {Count(csat.Responses, "response")} in {days} days is below {One(threshold)}",
            average);
    }

    private static Finding? InvoiceOverdue(RuleDefinition rule, Context c)
    {
        if (rule.Days is not { } days) return null;
        Invoice? worst = null;
        int worstDays = 0, overdueCount = 0;
        var invoices = c.Signals.Invoices;
        for (var i = 0; i < invoices.Count; i++)
        {
            var invoice = invoices[i];
            if (invoice.IssuedOn > c.AsOf || !invoice.IsOpenOverdue(c.AsOf)) continue;
            var overdue = invoice.DaysOverdue(c.AsOf);
            if (overdue <= days) continue;
            overdueCount++;
            if (worst is null || overdue > worstDays)
            {
                worst = invoice;
                worstDays = overdue;
            }
        }
        if (worst is null) return null;
        var more = overdueCount > 1 ? $" ({overdueCount - 1} more over {Count(days, "day")})" : "";
        return new Finding($"invoice {worst.Id} ({Money(worst.Amount)}) is {Count(worstDays, "day")} overdue{more}", worstDays);
    }

    private static Finding? OpenCriticalTickets(RuleDefinition rule, Context c)
    {
        if (rule.Count is not { } count) return null;
        var load = SupportLoad.At(c.Signals.Tickets, c.AsOf);
        if (load.Critical < count || load.Critical == 0) return null;
        return new Finding(
            $"{Count(load.Critical, "critical ticket")} open (oldest {Count(load.OldestCriticalDaysOpen, "day")})",
            load.Critical);
    }

    private static Finding? RenewalAtRisk(RuleDefinition rule, Context c)
    {
        if (rule.Days is not { } days || !c.Current.HasData) return null;
        if (c.Signals.Account.RenewalDate is not { } renewal || renewal < c.AsOf) return null;
        var until = renewal.DayNumber - c.AsOf.DayNumber;
        if (until > days) return null;
        IReadOnlyList<HealthBand> bands = rule.Bands ?? DefaultRenewalBands;
        if (!bands.Contains(c.Current.Band)) return null;
        return new Finding(
            $"renews on {Date(renewal)} ({Count(until, "day")}) with health {c.Current.Score} ({c.Current.Band})",
            until);
    }

    private static Finding? Contraction(RuleDefinition rule, Context c)
    {
        if (rule.Percent is not { } percent || rule.Days is not { } days) return null;
        var from = c.AsOf.AddDays(1 - days);
        // The account's MRR is today's; undo every change dated in or after the window to get MRR as the window began.
        var mrrBefore = c.Signals.Account.Mrr;
        decimal contracted = 0;
        var events = c.Signals.RevenueEvents;
        for (var i = 0; i < events.Count; i++)
        {
            var e = events[i];
            if (e.Date < from) continue;
            mrrBefore -= e.MrrDelta;
            if (e.Kind == RevenueEventKind.Contraction && e.Date <= c.AsOf) contracted += e.MrrDelta;
        }
        if (mrrBefore <= 0 || contracted >= 0) return null;
        var share = (double)(-contracted / mrrBefore) * 100.0;
        if (share < percent) return null;
        return new Finding(
            $"MRR contracted {Whole(share)}% (-{Money(-contracted)} of {Money(mrrBefore)}) in the last {Count(days, "day")}",
            share);
    }
}
