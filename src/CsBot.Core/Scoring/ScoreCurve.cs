using System.Runtime.InteropServices;

namespace CsBot.Core.Scoring;

/// <summary>
/// Piecewise-linear interpolation between knots sorted by value; values outside the knots are clamped
/// to the first or last knot's points. Curves come from configuration so teams can tune them.
/// </summary>
public static class ScoreCurve
{
    public static double Evaluate(IReadOnlyList<CurvePoint> knots, double value) => knots switch
    {
        CurvePoint[] array => Evaluate(array.AsSpan(), value),
        List<CurvePoint> list => Evaluate(CollectionsMarshal.AsSpan(list), value),
        _ => Evaluate(knots.ToArray().AsSpan(), value),
    };

    /// <summary>The same interpolation over a span, for hot paths that keep curves in arrays.</summary>
    public static double Evaluate(ReadOnlySpan<CurvePoint> knots, double value)
    {
        if (knots.Length == 0) throw new ArgumentException("A curve needs at least one point.", nameof(knots));
        if (value <= knots[0].Value) return knots[0].Points;
        for (var i = 1; i < knots.Length; i++)
        {
            var right = knots[i];
            if (value <= right.Value)
            {
                var left = knots[i - 1];
                var span = right.Value - left.Value;
                if (span <= 0) return right.Points;
                return left.Points + (right.Points - left.Points) * (value - left.Value) / span;
            }
        }
        return knots[^1].Points;
    }
}
