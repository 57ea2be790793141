namespace CsBot.Core.Scoring;

/// <summary>
/// An account's health on a day, with its full breakdown. Components without data are listed in
/// <see cref="Omitted"/> with why, and the remaining weights were renormalised to sum to 100%.
/// </summary>
public sealed record HealthScore
{
    public required string AccountId { get; init; }
    public required DateOnly AsOf { get; init; }
    public required int Score { get; init; }
    public required HealthBand Band { get; init; }
    public IReadOnlyList<ComponentScore> Components { get; init; } = [];
    public IReadOnlyList<OmittedComponent> Omitted { get; init; } = [];

    /// <summary>False when no component had data and <see cref="Score"/> is the neutral <see cref="HealthScorer.NoDataScore"/>.</summary>
    public bool HasData => Components.Count > 0;
}

public sealed record OmittedComponent(HealthComponentKind Kind, string Why);
