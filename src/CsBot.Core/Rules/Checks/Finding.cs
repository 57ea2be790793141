namespace CsBot.Core.Rules.Checks;

/// <summary>What a rule that fired found: the one-sentence reason and the measured value.</summary>
internal readonly record struct Finding(string Reason, double Observed);
