namespace CsBot.Core.Scoring;

/// <summary>Configuration of one health component: its relative weight, its curve, and the look-back window where it has one.</summary>
public sealed class ComponentOptions
{
    public double Weight { get; set; }
    public List<CurvePoint> Curve { get; set; } = [];
    /// <summary>Look-back window in days for survey and invoice components; ignored by the usage components.</summary>
    public int WindowDays { get; set; }
}
