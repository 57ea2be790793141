namespace CsBot.Core.Scoring;

/// <summary>An account's score on one day: the unit of stored score history.</summary>
public readonly record struct ScorePoint(DateOnly Date, int Score);
