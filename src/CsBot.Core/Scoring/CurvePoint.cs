namespace CsBot.Core.Scoring;

/// <summary>One knot of a piecewise-linear curve mapping a component's raw value to 0-100 points.</summary>
public sealed record CurvePoint(double Value, double Points);
