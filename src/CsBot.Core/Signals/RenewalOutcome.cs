namespace CsBot.Core.Signals;

public enum RenewalResult
{
    Renewed,
    Churned,
}

/// <summary>What happened when an account came up for renewal on <see cref="RenewalDate"/>.</summary>
public sealed record RenewalOutcome(string Id, string AccountId, DateOnly RenewalDate, RenewalResult Result, decimal MrrBefore, decimal MrrAfter);
