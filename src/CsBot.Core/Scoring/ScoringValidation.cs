namespace CsBot.Core.Scoring;
public static class ScoringValidation { public static IReadOnlyList<string> Validate(ScoringOptions o) => []; }
