namespace CsBot.Core.Scoring;

/// <summary>A component that takes part in scoring: its weight above 0, its curve and its window, read from configuration once.</summary>
internal sealed record PlannedComponent(HealthComponentKind Kind, double Weight, CurvePoint[] Curve, int WindowDays);
