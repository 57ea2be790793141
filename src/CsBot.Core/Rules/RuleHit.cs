namespace CsBot.Core.Rules;

/// <summary>
/// A rule that fired for an account, with one human sentence that carries the numbers, e.g.
/// "active users down 42% (31 -> 18) vs 28-day baseline". <see cref="Observed"/> is the measured value
/// the rule compared with its threshold, kept for sorting and for the digest.
/// </summary>
public sealed record RuleHit(string RuleId, RuleKind Kind, Severity Severity, string AccountId, string Reason, double Observed);
