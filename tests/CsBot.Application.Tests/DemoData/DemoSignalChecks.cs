using CsBot.Core.Rules;
using CsBot.Core.Scoring;
using CsBot.Core.Signals;

namespace CsBot.Application.Tests.DemoData;

/// <summary>
/// A small, independent reading of the default rules and health components as documented in CsBot.Core, used only to
/// check that the demo data has the shapes it claims. It is not the product's engine and deliberately stays simple.
/// </summary>
internal static class DemoSignalChecks
{
    private static readonly Dictionary<HealthComponentKind, ComponentOptions> Components = ScoringOptions.Defaults();
    private static readonly ScoringOptions Scoring = new();

    public static double AverageDau(UsageDay[] usage, DateOnly from, DateOnly to) =>
        usage.Where(u => u.Date >= from && u.Date <= to).Select(u => (double)u.ActiveUsers).DefaultIfEmpty(0).Average();

    /// <summary>7-day average DAU vs the 28 days before, in % change; null without a baseline.</summary>
    public static double? UsageChangePercent(UsageDay[] usage, DateOnly day)
    {
        if (usage.Length == 0 || usage[0].Date > day.AddDays(-34)) return null;
        var recent = AverageDau(usage, day.AddDays(-6), day);
        var baseline = AverageDau(usage, day.AddDays(-34), day.AddDays(-7));
        return baseline <= 0 ? null : (recent - baseline) / baseline * 100.0;
    }

    public static double? SeatUtilizationPercent(UsageDay[] usage, DateOnly day)
    {
        var window = usage.Where(u => u.Date > day.AddDays(-7) && u.Date <= day).ToArray();
        if (window.Length == 0) return null;
        var seats = window.Average(u => u.LicensedSeats);
        return seats <= 0 ? null : window.Average(u => u.ActiveUsers) / seats * 100.0;
    }

    public static int? DaysSinceLogin(UsageDay[] usage, DateOnly day)
    {
        for (var i = usage.Length - 1; i >= 0; i--)
            if (usage[i].Date <= day && usage[i].Logins > 0) return day.DayNumber - usage[i].Date.DayNumber;
        return usage.Length == 0 ? null : day.DayNumber - usage[0].Date.DayNumber + 1;
    }

    public static DateTimeOffset EndOf(DateOnly day) => new(day.ToDateTime(new TimeOnly(23, 59), DateTimeKind.Utc));

    public static double? Health(AccountSignals s, DateOnly day)
    {
        var points = new List<(double Weight, double Points)>();
        void Add(HealthComponentKind kind, double? value)
        {
            if (value is { } v) points.Add((Components[kind].Weight, ScoreCurve.Evaluate(Components[kind].Curve, v)));
        }

        var usage = s.Usage.Where(u => u.Date <= day).ToArray();
        if (usage.Length == 0 || usage[^1].Date < day) return null;
        Add(HealthComponentKind.UsageTrend, UsageChangePercent(usage, day));
        Add(HealthComponentKind.SeatUtilization, SeatUtilizationPercent(usage, day));
        var month = usage.Where(u => u.Date > day.AddDays(-28)).ToArray();
        Add(HealthComponentKind.LoginFrequency, month.Sum(u => u.Logins) / month.Average(u => (double)u.LicensedSeats) / 4.0);
        var at = EndOf(day);
        Add(HealthComponentKind.SupportBurden, s.Tickets.Where(t => t.IsOpenAt(at)).Sum(t =>
            (t.Severity switch { TicketSeverity.Low => 1, TicketSeverity.Medium => 2, TicketSeverity.High => 4, _ => 8 })
            * (1 + (at - t.Opened).TotalDays / 30.0)));
        var nps = s.Surveys.Where(x => x.Kind == SurveyKind.Nps && x.Date <= day && x.Date > day.AddDays(-Components[HealthComponentKind.Nps].WindowDays)).ToArray();
        if (nps.Length > 0) Add(HealthComponentKind.Nps, 100.0 * (nps.Count(x => x.IsPromoter) - nps.Count(x => x.IsDetractor)) / nps.Length);
        var csat = s.Surveys.Where(x => x.Kind == SurveyKind.Csat && x.Date <= day && x.Date > day.AddDays(-Components[HealthComponentKind.Csat].WindowDays)).ToArray();
        if (csat.Length > 0) Add(HealthComponentKind.Csat, csat.Average(x => x.Score));
        var invoices = s.Invoices.Where(i => i.DueDate <= day && i.DueDate > day.AddDays(-Components[HealthComponentKind.PaymentTimeliness].WindowDays)).ToArray();
        if (invoices.Length > 0) Add(HealthComponentKind.PaymentTimeliness, invoices.Max(i => i.DaysOverdue(day)));

        var weight = points.Sum(p => p.Weight);
        return weight <= 0 ? null : points.Sum(p => p.Weight * p.Points) / weight;
    }

    /// <summary>The default rules that fire for the account on <paramref name="today"/>.</summary>
    public static SortedSet<string> FiredRules(AccountSignals s, DateOnly today)
    {
        var fired = new SortedSet<string>(StringComparer.Ordinal);
        if (!s.Account.IsActiveOn(today)) return fired;
        foreach (var rule in RulesOptions.Defaults())
        {
            if (Fires(rule, s, today)) fired.Add(rule.Id);
        }
        return fired;
    }

    private static bool Fires(RuleDefinition rule, AccountSignals s, DateOnly today)
    {
        var at = EndOf(today);
        switch (rule.Kind)
        {
            case RuleKind.HealthBelow:
                return Health(s, today) is { } h && h < rule.Threshold;
            case RuleKind.HealthDrop:
                return Health(s, today) is { } now && Health(s, today.AddDays(-rule.Days!.Value)) is { } before && before - now >= rule.Points;
            case RuleKind.UsageDrop:
                return UsageChangePercent(s.Usage, today) is { } change && -change >= rule.Percent;
            case RuleKind.SeatUtilizationBelow:
                return SeatUtilizationPercent(s.Usage, today) is { } utilization && utilization < rule.Percent;
            case RuleKind.NoLogin:
                return DaysSinceLogin(s.Usage, today) is { } days && days >= rule.Days;
            case RuleKind.NpsDetractor:
                return s.Surveys.Any(x => x.IsDetractor && x.Date <= today && x.Date > today.AddDays(-rule.Days!.Value));
            case RuleKind.CsatBelow:
                var csat = s.Surveys.Where(x => x.Kind == SurveyKind.Csat && x.Date <= today && x.Date > today.AddDays(-rule.Days!.Value)).ToArray();
                return csat.Length > 0 && csat.Average(x => x.Score) < rule.Threshold;
            case RuleKind.InvoiceOverdue:
                return s.Invoices.Any(i => i.IsOpenOverdue(today) && i.DaysOverdue(today) > rule.Days);
            case RuleKind.OpenCriticalTickets:
                return s.Tickets.Count(t => t.Severity == TicketSeverity.Critical && t.IsOpenAt(at)) >= rule.Count;
            case RuleKind.RenewalAtRisk:
                return s.Account.RenewalDate is { } renewal && renewal >= today && renewal <= today.AddDays(rule.Days!.Value)
                    && Health(s, today) is { } health && Scoring.BandFor((int)Math.Round(health)) != HealthBand.Good;
            case RuleKind.Contraction:
                var since = today.AddDays(-rule.Days!.Value);
                var contracted = -s.RevenueEvents.Where(e => e.Kind == RevenueEventKind.Contraction && e.Date > since && e.Date <= today).Sum(e => e.MrrDelta);
                var mrrBefore = s.RevenueEvents.Where(e => e.Date <= since).Sum(e => e.MrrDelta);
                return contracted > 0 && mrrBefore > 0 && (double)(contracted / mrrBefore) * 100.0 >= rule.Percent;
            default:
                return false;
        }
    }
}
