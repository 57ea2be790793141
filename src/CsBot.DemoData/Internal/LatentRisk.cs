namespace CsBot.DemoData.Internal;

/// <summary>
/// An account's hidden churn risk over time: a lasting propensity plus a monthly AR(1) drift with occasional shocks
/// (a champion leaves, a reorganisation). Nobody observes it: it decides who churns (see <see cref="ChurnsAt"/>) and, with
/// lags and noise of their own, shapes what CsBot can observe (usage, tickets, surveys, payments). So churn depends on
/// the signals the way it does in a real portfolio, and no single signal or rule copies it.
/// </summary>
internal sealed class LatentRisk
{
    private const int StepDays = 30;
    private readonly DateOnly _origin;
    private readonly double[] _knots;

    private LatentRisk(DateOnly origin, double[] knots)
    {
        _origin = origin;
        _knots = knots;
    }

    /// <summary>Draws a path covering <paramref name="from"/> to <paramref name="to"/> from its own random stream.</summary>
    public static LatentRisk Draw(DateOnly from, DateOnly to, DemoRandom rng)
    {
        var propensity = 0.75 * rng.Gaussian();
        var count = (to.DayNumber - from.DayNumber) / StepDays + 2;
        var knots = new double[count];
        var drift = 0.9 * rng.Gaussian();
        for (var k = 0; k < count; k++)
        {
            drift = 0.85 * drift + 0.45 * rng.Gaussian();
            if (rng.Chance(0.025)) drift += rng.Range(1.0, 2.0);
            knots[k] = propensity + drift;
        }
        return new LatentRisk(from, knots);
    }

    /// <summary>The risk on <paramref name="day"/>, interpolated between monthly values (clamped to the drawn range).</summary>
    public double At(DateOnly day)
    {
        var position = Math.Clamp((day.DayNumber - _origin.DayNumber) / (double)StepDays, 0, _knots.Length - 1);
        var k = (int)Math.Floor(position);
        if (k >= _knots.Length - 1) return _knots[^1];
        var t = position - k;
        return _knots[k] * (1 - t) + _knots[k + 1] * t;
    }

    /// <summary>Risk <paramref name="lagDays"/> before <paramref name="day"/>, only its harmful part: signals lag the risk behind them.</summary>
    public double Harm(DateOnly day, int lagDays) => Math.Max(0, At(day.AddDays(-lagDays)));

    /// <summary>
    /// Whether the customer leaves at a decision point (a renewal, or a month end on a monthly plan): a logistic hazard
    /// of the risk on that day. <paramref name="perYear"/> is how many decision points a year the contract has, so a
    /// monthly customer at the same risk is as likely to leave within a year as an annual one.
    /// </summary>
    public bool ChurnsAt(DateOnly day, double perYear, DemoRandom rng)
    {
        var yearly = 1.0 / (1.0 + Math.Exp(-(-3.2 + 1.5 * At(day))));
        var perDecision = 1.0 - Math.Pow(1.0 - yearly, 1.0 / perYear);
        return rng.Chance(perDecision);
    }
}
