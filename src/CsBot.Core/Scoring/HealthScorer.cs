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

    private static readonly HealthComponentKind[] Kinds = Enum.GetValues<HealthComponentKind>();

    /// <summary>The score with its full breakdown.</summary>
    public HealthScore Score(AccountSignals signals, DateOnly asOf)
    {
        var usage = UsageWindow.UpTo(signals.Usage, asOf);
        Span<double> values = stackalloc double[Kinds.Length];
        Span<double> points = stackalloc double[Kinds.Length];
        Span<double> weights = stackalloc double[Kinds.Length];
        var texts = new string?[Kinds.Length];
        var omitted = new List<OmittedComponent>();
        double usedWeight = 0;

        for (var i = 0; i < Kinds.Length; i++)
        {
            var kind = Kinds[i];
            if (!options.Components.TryGetValue(kind, out var component) || !(component.Weight > 0)) continue;
            if (component.Curve.Count == 0)
            {
                omitted.Add(new OmittedComponent(kind, "no curve configured"));
                continue;
            }
            if (!Measure(kind, component, signals, usage, asOf, explain: true, out values[i], out texts[i]))
            {
                omitted.Add(new OmittedComponent(kind, texts[i]!));
                texts[i] = null;
                continue;
            }
            points[i] = ScoreCurve.Evaluate(component.Curve, values[i]);
            weights[i] = component.Weight;
            usedWeight += component.Weight;
        }

        if (usedWeight == 0)
        {
            return new HealthScore
            {
                AccountId = signals.Account.Id,
                AsOf = asOf,
                Score = NoDataScore,
                Band = options.BandFor(NoDataScore),
                Omitted = omitted,
            };
        }

        var components = new List<ComponentScore>(Kinds.Length);
        double total = 0;
        for (var i = 0; i < Kinds.Length; i++)
        {
            if (texts[i] is not { } reason) continue;
            var contribution = points[i] * weights[i] / usedWeight;
            total += contribution;
            components.Add(new ComponentScore(Kinds[i], values[i], points[i], weights[i], contribution, reason));
        }

        var score = ToScore(total);
        return new HealthScore
        {
            AccountId = signals.Account.Id,
            AsOf = asOf,
            Score = score,
            Band = options.BandFor(score),
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
        var usage = UsageWindow.UpTo(signals.Usage, asOf);
        double total = 0, usedWeight = 0;
        for (var i = 0; i < Kinds.Length; i++)
        {
            var kind = Kinds[i];
            if (!options.Components.TryGetValue(kind, out var component) || !(component.Weight > 0) || component.Curve.Count == 0) continue;
            if (!Measure(kind, component, signals, usage, asOf, explain: false, out var value, out _)) continue;
            total += ScoreCurve.Evaluate(component.Curve, value) * component.Weight;
            usedWeight += component.Weight;
        }
        return usedWeight == 0 ? NoDataScore : ToScore(total / usedWeight);
    }

    /// <summary>One score per day from <paramref name="from"/> to <paramref name="to"/> (inclusive), oldest first.</summary>
    public ScorePoint[] ScoreHistory(AccountSignals signals, DateOnly from, DateOnly to)
    {
        if (to < from) return [];
        var history = new ScorePoint[to.DayNumber - from.DayNumber + 1];
        for (var i = 0; i < history.Length; i++)
        {
            var day = from.AddDays(i);
            history[i] = new ScorePoint(day, ScoreValue(signals, day));
        }
        return history;
    }

    private static int ToScore(double total) => Math.Clamp((int)Math.Round(total, MidpointRounding.AwayFromZero), 0, 100);

    /// <summary>
    /// Measures one component. Returns false when it has no data, with <paramref name="text"/> saying why; otherwise
    /// <paramref name="text"/> is the one-line reason (only built when <paramref name="explain"/> is set).
    /// </summary>
    private static bool Measure(
        HealthComponentKind kind,
        ComponentOptions component,
        AccountSignals signals,
        ReadOnlySpan<UsageDay> usage,
        DateOnly asOf,
        bool explain,
        out double value,
        out string? text) => kind switch
        {
            HealthComponentKind.UsageTrend => UsageTrend(usage, asOf, explain, out value, out text),
            HealthComponentKind.SeatUtilization => SeatUtilization(usage, asOf, explain, out value, out text),
            HealthComponentKind.LoginFrequency => LoginFrequency(usage, asOf, explain, out value, out text),
            HealthComponentKind.SupportBurden => SupportBurden(signals, asOf, explain, out value, out text),
            HealthComponentKind.Nps => Nps(signals, asOf, component.WindowDays, explain, out value, out text),
            HealthComponentKind.Csat => Csat(signals, asOf, component.WindowDays, explain, out value, out text),
            HealthComponentKind.PaymentTimeliness => PaymentTimeliness(signals, asOf, component.WindowDays, explain, out value, out text),
            _ => NotMeasured(out value, out text),
        };

    private static bool NotMeasured(out double value, out string? text)
    {
        value = 0;
        text = "not measured by this version";
        return false;
    }

    private static bool UsageTrend(ReadOnlySpan<UsageDay> usage, DateOnly asOf, bool explain, out double value, out string? text)
    {
        value = 0;
        text = null;
        var recent = UsageWindow.Last(usage, asOf, RecentDays);
        if (!recent.HasData)
        {
            text = $"no usage data in the last {RecentDays} days";
            return false;
        }
        var baseline = UsageWindow.Baseline(usage, asOf, RecentDays, BaselineDays);
        if (!baseline.HasData)
        {
            text = $"no usage data in the {BaselineDays}-day baseline before the last {RecentDays} days";
            return false;
        }
        if (baseline.ActiveUsers == 0)
        {
            text = $"no active users in the {BaselineDays}-day baseline to compare with";
            return false;
        }
        var before = baseline.AverageActiveUsers;
        var now = recent.AverageActiveUsers;
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

    private static bool SeatUtilization(ReadOnlySpan<UsageDay> usage, DateOnly asOf, bool explain, out double value, out string? text)
    {
        value = 0;
        text = null;
        var recent = UsageWindow.Last(usage, asOf, RecentDays);
        if (!recent.HasData)
        {
            text = $"no usage data in the last {RecentDays} days";
            return false;
        }
        if (recent.SeatUtilizationPercent is not { } percent)
        {
            text = "no licensed seats recorded";
            return false;
        }
        value = percent;
        if (explain)
        {
            text = $"seat utilisation {Whole(percent)}% ({One(recent.AverageActiveUsers)} of {recent.LatestSeats} seats active, {RecentDays}-day average)";
        }
        return true;
    }

    private static bool LoginFrequency(ReadOnlySpan<UsageDay> usage, DateOnly asOf, bool explain, out double value, out string? text)
    {
        value = 0;
        text = null;
        var window = UsageWindow.Last(usage, asOf, LoginDays);
        if (!window.HasData)
        {
            text = $"no usage data in the last {LoginDays} days";
            return false;
        }
        if (window.LoginsPerSeatPerWeek is not { } perSeatWeek)
        {
            text = "no licensed seats recorded";
            return false;
        }
        value = perSeatWeek;
        if (explain)
        {
            text = $"{One(perSeatWeek)} logins per seat per week ({Count(window.Logins, "login")} over {Count(window.Days, "day")}, {window.LatestSeats} seats)";
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
