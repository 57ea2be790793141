using CsBot.Core.Signals;
using static CsBot.Core.ReasonText;

namespace CsBot.Core.Scoring;

/// <summary>
/// Scores an account's health on a day from its signals. Pure: only data dated on or before <c>asOf</c> is read,
/// so scoring past days back-fills history exactly as it would have looked then.
/// </summary>
/// <remarks>
/// Each component measures a raw value (see <see cref="HealthComponentKind"/>), maps it through its configured curve
/// to 0-100 points, and adds points x weight / (sum of the weights used). A component without data is left out and
/// listed in <see cref="HealthScore.Omitted"/>; the others' weights are renormalised. Components with weight 0 (or
/// not configured) are skipped silently.
/// </remarks>
public sealed class HealthScorer(ScoringOptions options)
{
    /// <summary>
    /// The score given when no component has data. A brand-new or unintegrated account is neither healthy nor at risk,
    /// so it gets the neutral midpoint rather than 0 (which would raise alerts about nothing) or 100 (which would hide
    /// it); <see cref="HealthScore.Omitted"/> says why each component is missing and <see cref="HealthScore.HasData"/> is false.
    /// </summary>
    public const int NoDataScore = 50;

    /// <summary>Usage components look at the last 7 days...</summary>
    public const int RecentDays = 7;
    /// <summary>...compared with the 28 days before them.</summary>
    public const int BaselineDays = 28;
    /// <summary>Login frequency looks at the last 28 days.</summary>
    public const int LoginDays = 28;

    /// <summary>The oldest usage row any component reads is this many days before asOf.</summary>
    private const int UsageLookBack = RecentDays + BaselineDays - 1;

    // The configuration is read once, here, so scoring a large portfolio never touches dictionaries or lists.
    // A configuration reload therefore takes effect in the next scorer built from the new options.
    private readonly Plan _plan = Plan.From(options);

    /// <summary>The score with its full breakdown.</summary>
    public HealthScore Score(AccountSignals signals, DateOnly asOf)
    {
        var usage = MeasureUsage(signals.Usage, asOf);
        var planned = _plan.Components;
        Span<double> values = stackalloc double[planned.Length];
        Span<double> points = stackalloc double[planned.Length];
        var reasons = new string?[planned.Length];
        var omitted = new List<OmittedComponent>(_plan.Unusable);
        double usedWeight = 0;

        for (var i = 0; i < planned.Length; i++)
        {
            var component = planned[i];
            if (!Measure(component, signals, in usage, asOf, explain: true, out values[i], out var text))
            {
                omitted.Add(new OmittedComponent(component.Kind, text!));
                continue;
            }
            reasons[i] = text;
            points[i] = ScoreCurve.Evaluate(component.Curve, values[i]);
            usedWeight += component.Weight;
        }
        omitted.Sort((a, b) => a.Kind.CompareTo(b.Kind));

        if (usedWeight == 0)
        {
            return new HealthScore
            {
                AccountId = signals.Account.Id,
                AsOf = asOf,
                Score = NoDataScore,
                Band = _plan.Bands.BandFor(NoDataScore),
                Omitted = omitted,
            };
        }

        var components = new List<ComponentScore>(planned.Length);
        double total = 0;
        for (var i = 0; i < planned.Length; i++)
        {
            if (reasons[i] is not { } reason) continue;
            var weight = planned[i].Weight;
            var contribution = points[i] * weight / usedWeight;
            total += contribution;
            components.Add(new ComponentScore(planned[i].Kind, values[i], points[i], weight, contribution, reason));
        }

        var score = ToScore(total);
        return new HealthScore
        {
            AccountId = signals.Account.Id,
            AsOf = asOf,
            Score = score,
            Band = _plan.Bands.BandFor(score),
            Components = components,
            Omitted = omitted,
        };
    }

    /// <summary>
    /// Just the number <see cref="Score"/> would give, without building the breakdown or any text: the fast path
    /// for back-filling daily history over many accounts.
    /// </summary>
    public int ScoreValue(AccountSignals signals, DateOnly asOf)
    {
        var usage = MeasureUsage(signals.Usage, asOf);
        return Total(signals, in usage, asOf);
    }

    /// <summary>
    /// One score per day from <paramref name="from"/> to <paramref name="to"/> (inclusive), oldest first, each the
    /// number <see cref="Score"/> would give on that day. Callers skip days the account was not active if they wish.
    /// </summary>
    public ScorePoint[] ScoreHistory(AccountSignals signals, DateOnly from, DateOnly to)
    {
        if (to < from) return [];
        var history = new ScorePoint[to.DayNumber - from.DayNumber + 1];
        var usage = new UsageCursor(signals.Usage);
        for (var i = 0; i < history.Length; i++)
        {
            var day = from.AddDays(i);
            var facts = usage.MoveTo(day);
            history[i] = new ScorePoint(day, Total(signals, in facts, day));
        }
        return history;
    }

    private int Total(AccountSignals signals, in UsageFacts usage, DateOnly asOf)
    {
        double total = 0, usedWeight = 0;
        foreach (var component in _plan.Components)
        {
            if (!Measure(component, signals, in usage, asOf, explain: false, out var value, out _)) continue;
            total += ScoreCurve.Evaluate(component.Curve, value) * component.Weight;
            usedWeight += component.Weight;
        }
        return usedWeight == 0 ? NoDataScore : ToScore(total / usedWeight);
    }

    private static int ToScore(double total) => Math.Clamp((int)Math.Round(total, MidpointRounding.AwayFromZero), 0, 100);

    /// <summary>The components that take part (weight above 0 and a curve), in <see cref="HealthComponentKind"/> order.</summary>
    private sealed class Plan
    {
        public required PlannedComponent[] Components { get; init; }
        /// <summary>Weighted components that cannot be scored as configured (no curve).</summary>
        public required OmittedComponent[] Unusable { get; init; }
        /// <summary>A copy holding only the band cut-offs.</summary>
        public required ScoringOptions Bands { get; init; }

        public static Plan From(ScoringOptions options)
        {
            var components = new List<PlannedComponent>();
            var unusable = new List<OmittedComponent>();
            foreach (var kind in Enum.GetValues<HealthComponentKind>())
            {
                if (options.Components?.GetValueOrDefault(kind) is not { } c || !(c.Weight > 0) || double.IsInfinity(c.Weight)) continue;
                if (c.Curve is not { Count: > 0 } curve) unusable.Add(new OmittedComponent(kind, "no curve configured"));
                else components.Add(new PlannedComponent(kind, c.Weight, [.. curve], c.WindowDays));
            }
            return new Plan
            {
                Components = [.. components],
                Unusable = [.. unusable],
                Bands = new ScoringOptions { GoodFrom = options.GoodFrom, AverageFrom = options.AverageFrom, Components = [] },
            };
        }
    }

    private sealed record PlannedComponent(HealthComponentKind Kind, double Weight, CurvePoint[] Curve, int WindowDays);

    /// <summary>What the usage components need, gathered in one pass over the usage rows.</summary>
    private struct UsageFacts
    {
        public int RecentRows;
        public long RecentActive;
        public int BaselineRows;
        public long BaselineActive;
        public int LoginRows;
        public long Logins;
        /// <summary>Licensed seats on the latest row on or before asOf, when it is inside the look-back.</summary>
        public int LatestSeats;
    }

    private static UsageFacts MeasureUsage(UsageDay[] usage, DateOnly asOf)
    {
        var facts = default(UsageFacts);
        var today = asOf.DayNumber;
        var recentFrom = today - RecentDays + 1;
        var loginFrom = today - LoginDays + 1;
        var oldest = today - UsageLookBack;
        for (var i = UsageWindow.CountOnOrBefore(usage, asOf) - 1; i >= 0; i--)
        {
            ref readonly var day = ref usage[i];
            var n = day.Date.DayNumber;
            if (n < oldest) break;
            if (facts.RecentRows + facts.BaselineRows == 0) facts.LatestSeats = day.LicensedSeats;
            if (n >= recentFrom)
            {
                facts.RecentRows++;
                facts.RecentActive += day.ActiveUsers;
            }
            else
            {
                facts.BaselineRows++;
                facts.BaselineActive += day.ActiveUsers;
            }
            if (n >= loginFrom)
            {
                facts.LoginRows++;
                facts.Logins += day.Logins;
            }
        }
        return facts;
    }

    /// <summary>
    /// Walks the usage rows forward one day at a time keeping running totals per window, so a day's usage facts
    /// cost O(1) instead of a pass over the look-back, with no allocation: what makes back-filling history cheap.
    /// Days must be visited in ascending order.
    /// </summary>
    private struct UsageCursor(UsageDay[] usage)
    {
        // Windows as index ranges: recent [recentStart, end), baseline [baselineStart, recentStart), logins [loginStart, end).
        private int _end, _recentStart, _baselineStart, _loginStart;
        private long _recentActive, _baselineActive, _logins;

        public UsageFacts MoveTo(DateOnly asOf)
        {
            var today = asOf.DayNumber;
            for (; _end < usage.Length && usage[_end].Date.DayNumber <= today; _end++)
            {
                _recentActive += usage[_end].ActiveUsers;
                _logins += usage[_end].Logins;
            }
            for (; _recentStart < _end && usage[_recentStart].Date.DayNumber < today - RecentDays + 1; _recentStart++)
            {
                _recentActive -= usage[_recentStart].ActiveUsers;
                _baselineActive += usage[_recentStart].ActiveUsers;
            }
            for (; _baselineStart < _recentStart && usage[_baselineStart].Date.DayNumber < today - UsageLookBack; _baselineStart++)
            {
                _baselineActive -= usage[_baselineStart].ActiveUsers;
            }
            for (; _loginStart < _end && usage[_loginStart].Date.DayNumber < today - LoginDays + 1; _loginStart++)
            {
                _logins -= usage[_loginStart].Logins;
            }
            return new UsageFacts
            {
                RecentRows = _end - _recentStart,
                RecentActive = _recentActive,
                BaselineRows = _recentStart - _baselineStart,
                BaselineActive = _baselineActive,
                LoginRows = _end - _loginStart,
                Logins = _logins,
                LatestSeats = _end > _baselineStart ? usage[_end - 1].LicensedSeats : 0,
            };
        }
    }

    /// <summary>
    /// Measures one component. Returns false when it has no data, with <paramref name="text"/> saying why; otherwise
    /// <paramref name="text"/> is the one-line reason (only built when <paramref name="explain"/> is set).
    /// </summary>
    private static bool Measure(
        PlannedComponent component,
        AccountSignals signals,
        in UsageFacts usage,
        DateOnly asOf,
        bool explain,
        out double value,
        out string? text)
    {
        switch (component.Kind)
        {
            case HealthComponentKind.UsageTrend: return UsageTrend(in usage, explain, out value, out text);
            case HealthComponentKind.SeatUtilization: return SeatUtilization(in usage, explain, out value, out text);
            case HealthComponentKind.LoginFrequency: return LoginFrequency(in usage, explain, out value, out text);
            case HealthComponentKind.SupportBurden: return SupportBurden(signals, asOf, explain, out value, out text);
            case HealthComponentKind.Nps: return Nps(signals, asOf, component.WindowDays, explain, out value, out text);
            case HealthComponentKind.Csat: return Csat(signals, asOf, component.WindowDays, explain, out value, out text);
            case HealthComponentKind.PaymentTimeliness: return PaymentTimeliness(signals, asOf, component.WindowDays, explain, out value, out text);
            default:
                value = 0;
                text = "not measured by this version";
                return false;
        }
    }

    private static bool UsageTrend(in UsageFacts usage, bool explain, out double value, out string? text)
    {
        value = 0;
        text = null;
        if (usage.RecentRows == 0)
        {
            text = $"no usage data in the last {RecentDays} days";
            return false;
        }
        if (usage.BaselineRows == 0)
        {
            text = $"no usage data in the {BaselineDays}-day baseline before the last {RecentDays} days";
            return false;
        }
        if (usage.BaselineActive == 0)
        {
            text = $"no active users in the {BaselineDays}-day baseline to compare with";
            return false;
        }
        var before = (double)usage.BaselineActive / usage.BaselineRows;
        var now = (double)usage.RecentActive / usage.RecentRows;
        value = (now - before) * 100.0 / before;
        if (explain)
        {
            var direction = Math.Round(value, MidpointRounding.AwayFromZero) switch
            {
                > 0 => $"up {Whole(value)}%",
                < 0 => $"down {Whole(-value)}%",
                _ => "flat",
            };
            text = $"active users {direction} ({One(before)} -> {One(now)}) vs {BaselineDays}-day baseline";
        }
        return true;
    }

    private static bool SeatUtilization(in UsageFacts usage, bool explain, out double value, out string? text)
    {
        value = 0;
        text = null;
        if (usage.RecentRows == 0)
        {
            text = $"no usage data in the last {RecentDays} days";
            return false;
        }
        if (usage.LatestSeats <= 0)
        {
            text = "no licensed seats recorded";
            return false;
        }
        var average = (double)usage.RecentActive / usage.RecentRows;
        value = average * 100.0 / usage.LatestSeats;
        if (explain)
        {
            text = $"seat utilisation {Whole(value)}% ({One(average)} of {usage.LatestSeats} seats active, {RecentDays}-day average)";
        }
        return true;
    }

    private static bool LoginFrequency(in UsageFacts usage, bool explain, out double value, out string? text)
    {
        value = 0;
        text = null;
        if (usage.LoginRows == 0)
        {
            text = $"no usage data in the last {LoginDays} days";
            return false;
        }
        if (usage.LatestSeats <= 0)
        {
            text = "no licensed seats recorded";
            return false;
        }
        // Per row present: an account with 14 days of history is measured over 2 weeks, not 4.
        value = usage.Logins * 7.0 / usage.LoginRows / usage.LatestSeats;
        if (explain)
        {
            text = $"{One(value)} logins per seat per week ({Count(usage.Logins, "login")} over {Count(usage.LoginRows, "day")}, {usage.LatestSeats} seats)";
        }
        return true;
    }

    private static bool SupportBurden(AccountSignals signals, DateOnly asOf, bool explain, out double value, out string? text)
    {
        // No open tickets is a real measurement (burden 0), not missing data, so this component is never omitted.
        var load = SupportLoad.At(signals.Tickets, asOf);
        value = load.Burden;
        text = null;
        if (explain)
        {
            text = load.Open == 0
                ? "no open tickets"
                : $"{Count(load.Open, "open ticket")} ({Severities(load)}; oldest {Count(load.OldestDaysOpen, "day")} open) weigh {One(load.Burden)}";
        }
        return true;
    }

    private static string Severities(SupportLoad load)
    {
        var parts = new List<string>(4);
        if (load.Critical > 0) parts.Add($"{load.Critical} critical");
        if (load.High > 0) parts.Add($"{load.High} high");
        if (load.Medium > 0) parts.Add($"{load.Medium} medium");
        if (load.Low > 0) parts.Add($"{load.Low} low");
        return string.Join(", ", parts);
    }

    private static bool Nps(AccountSignals signals, DateOnly asOf, int windowDays, bool explain, out double value, out string? text)
    {
        value = 0;
        text = null;
        var days = Math.Max(1, windowDays);
        var nps = SurveySummary.Last(signals.Surveys, SurveyKind.Nps, asOf, days);
        if (nps.Nps is not { } score)
        {
            text = $"no NPS responses in the last {days} days";
            return false;
        }
        value = score;
        if (explain)
        {
            text = $"NPS {Whole(score)} from {Count(nps.Responses, "response")} ({Count(nps.Promoters, "promoter")}, {Count(nps.Detractors, "detractor")}) in {days} days";
        }
        return true;
    }

    private static bool Csat(AccountSignals signals, DateOnly asOf, int windowDays, bool explain, out double value, out string? text)
    {
        value = 0;
        text = null;
        var days = Math.Max(1, windowDays);
        var csat = SurveySummary.Last(signals.Surveys, SurveyKind.Csat, asOf, days);
        if (csat.Average is not { } average)
        {
            text = $"no CSAT responses in the last {days} days";
            return false;
        }
        value = average;
        if (explain)
        {
            text = $"CSAT {One(average)} average from {Count(csat.Responses, "response")} in {days} days";
        }
        return true;
    }

    private static bool PaymentTimeliness(AccountSignals signals, DateOnly asOf, int windowDays, bool explain, out double value, out string? text)
    {
        value = 0;
        text = null;
        var days = Math.Max(1, windowDays);
        var from = asOf.AddDays(1 - days);
        Invoice? worst = null;
        int worstDays = -1, due = 0;
        var invoices = signals.Invoices;
        for (var i = 0; i < invoices.Count; i++)
        {
            var invoice = invoices[i];
            if (invoice.DueDate < from || invoice.DueDate > asOf || invoice.IssuedOn > asOf) continue;
            due++;
            var overdue = invoice.DaysOverdue(asOf);
            if (overdue > worstDays)
            {
                worstDays = overdue;
                worst = invoice;
            }
        }
        if (worst is null)
        {
            text = $"no invoices due in the last {days} days";
            return false;
        }
        value = worstDays;
        if (explain)
        {
            text = worstDays == 0
                ? $"no overdue invoices ({Count(due, "invoice")} due in the last {days} days)"
                : worst.IsOpenOverdue(asOf)
                    ? $"invoice {worst.Id} is {Count(worstDays, "day")} overdue"
                    : $"invoice {worst.Id} was paid {Count(worstDays, "day")} late";
        }
        return true;
    }
}
