namespace CsBot.Core.Scoring;

/// <summary>
/// One line of a score's breakdown. <see cref="Value"/> is the raw measurement (e.g. 42 for 42% utilisation),
/// <see cref="Points"/> the 0-100 sub-score from the curve, <see cref="Contribution"/> the points it adds to the
/// total after weighting and renormalisation. <see cref="Reason"/> is one line with the numbers.
/// </summary>
public sealed record ComponentScore(HealthComponentKind Kind, double Value, double Points, double Weight, double Contribution, string Reason);
