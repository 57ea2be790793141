namespace CsBot.Core.Signals;

public enum RenewalResult
{
    Renewed,
    Churned,
    /// <summary>Renewed at a lower MRR: a renewal for the renewal rate, a contraction for revenue.</summary>
    Downgraded,
}

/// <summary>
/// What happened when an account came up for renewal on <see cref="RenewalDate"/>. An account has at most one outcome
/// per renewal date: the date is its key, so sending it again replaces it.
/// </summary>
public sealed record RenewalOutcome(string Id, string AccountId, DateOnly RenewalDate, RenewalResult Result, decimal MrrBefore, decimal MrrAfter)
{
    /// <summary>Renewed or downgraded: the customer signed again.</summary>
    public bool Kept => Result != RenewalResult.Churned;
}
