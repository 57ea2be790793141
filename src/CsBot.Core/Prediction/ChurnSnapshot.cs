namespace CsBot.Core.Prediction;

/// <summary>One training or test row: an account as of a day, its features then, and what happened next.</summary>
public sealed record ChurnSnapshot(string AccountId, DateOnly Day, float[] Features, bool Label);
