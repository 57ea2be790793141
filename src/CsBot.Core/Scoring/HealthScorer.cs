using CsBot.Core.Scoring.Components;
using CsBot.Core.Signals;

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

    // The configuration is read once, here, so scoring a large portfolio never touches dictionaries or lists.
    // A configuration reload therefore takes effect in the next scorer built from the new options.
    private readonly ScoringPlan _plan = ScoringPlan.From(options);

    /// <summary>The score with its full breakdown.</summary>
    public HealthScore Score(AccountSignals signals, DateOnly asOf)
    {
        var usage = UsageFacts.Measure(signals.Usage, asOf);
        var planned = _plan.Components;
        Span<double> values = stackalloc double[planned.Length];
        Span<double> points = stackalloc double[planned.Length];
        var reasons = new string?[planned.Length];
        var omitted = new List<OmittedComponent>(_plan.Unusable);
        double usedWeight = 0;

        for (var i = 0; i < planned.Length; i++)
        {
            var component = planned[i];
            if (!HealthComponents.Measure(component, signals, in usage, asOf, explain: true, out values[i], out var text))
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
        var usage = UsageFacts.Measure(signals.Usage, asOf);
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
            if (!HealthComponents.Measure(component, signals, in usage, asOf, explain: false, out var value, out _)) continue;
            total += ScoreCurve.Evaluate(component.Curve, value) * component.Weight;
            usedWeight += component.Weight;
        }
        return usedWeight == 0 ? NoDataScore : ToScore(total / usedWeight);
    }

    private static int ToScore(double total) => Math.Clamp((int)Math.Round(total, MidpointRounding.AwayFromZero), 0, 100);
}
