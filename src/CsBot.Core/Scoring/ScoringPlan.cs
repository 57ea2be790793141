namespace CsBot.Core.Scoring;

/// <summary>The components that take part (weight above 0 and a curve), in <see cref="HealthComponentKind"/> order.</summary>
internal sealed class ScoringPlan
{
    public required PlannedComponent[] Components { get; init; }
    /// <summary>Weighted components that cannot be scored as configured (no curve).</summary>
    public required OmittedComponent[] Unusable { get; init; }
    /// <summary>A copy holding only the band cut-offs.</summary>
    public required ScoringOptions Bands { get; init; }

    public static ScoringPlan From(ScoringOptions options)
    {
        var components = new List<PlannedComponent>();
        var unusable = new List<OmittedComponent>();
        foreach (var kind in Enum.GetValues<HealthComponentKind>())
        {
            if (options.Components?.GetValueOrDefault(kind) is not { } c || !(c.Weight > 0) || double.IsInfinity(c.Weight)) continue;
            if (c.Curve is not { Count: > 0 } curve) unusable.Add(new OmittedComponent(kind, "no curve configured"));
            else components.Add(new PlannedComponent(kind, c.Weight, [.. curve], c.WindowDays));
        }
        return new ScoringPlan
        {
            Components = [.. components],
            Unusable = [.. unusable],
            Bands = new ScoringOptions { GoodFrom = options.GoodFrom, AverageFrom = options.AverageFrom, Components = [] },
        };
    }
}
