namespace CsBot.Application.Evaluation;

/// <summary>What one risk evaluation run did, for logs and for the caller.</summary>
public sealed record EvaluationSummary(DateOnly AsOf, int AccountsScored, int RuleHits, int AlertsStarted, int AlertsResolved, int MessagesSent, TimeSpan Elapsed);
