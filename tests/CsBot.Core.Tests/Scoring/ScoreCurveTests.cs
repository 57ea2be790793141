using CsBot.Core.Scoring;

namespace CsBot.Core.Tests.Scoring;

public class ScoreCurveTests
{
    private static readonly CurvePoint[] SeatCurve = [new(20, 0), new(50, 50), new(80, 100)];

    [Theory]
    [InlineData(20, 0)]
    [InlineData(35, 25)]
    [InlineData(50, 50)]
    [InlineData(65, 75)]
    [InlineData(80, 100)]
    public void Interpolates_linearly_between_knots(double value, double points) =>
        Assert.Equal(points, ScoreCurve.Evaluate(SeatCurve, value), 6);

    [Theory]
    [InlineData(-1000, 0)]
    [InlineData(5, 0)]
    [InlineData(95, 100)]
    [InlineData(1e9, 100)]
    public void Clamps_to_the_end_knots_outside_them(double value, double points) =>
        Assert.Equal(points, ScoreCurve.Evaluate(SeatCurve, value), 6);

    [Fact]
    public void A_falling_curve_maps_more_burden_to_fewer_points()
    {
        var support = new ScoringOptions().Components[HealthComponentKind.SupportBurden].Curve;

        Assert.Equal(100, ScoreCurve.Evaluate(support, 0), 6);
        Assert.Equal(40, ScoreCurve.Evaluate(support, 8), 6);
        Assert.Equal(0, ScoreCurve.Evaluate(support, 25), 6);
    }

    [Fact]
    public void A_single_knot_curve_is_constant()
    {
        CurvePoint[] flat = [new(3, 70)];

        Assert.Equal(70, ScoreCurve.Evaluate(flat, -5));
        Assert.Equal(70, ScoreCurve.Evaluate(flat, 50));
    }
}
