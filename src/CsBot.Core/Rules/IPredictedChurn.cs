using CsBot.Core.Signals;

namespace CsBot.Core.Rules;

/// <summary>The churn model's view of an account, for the rule that alerts on it.</summary>
public interface IPredictedChurn
{
    /// <summary>The predicted probability (0-1) of churn or a deep contraction soon after <paramref name="asOf"/>; null while no model passed its gate.</summary>
    double? Probability(AccountSignals signals, DateOnly asOf);

    /// <summary>Days ahead the probability covers, for the reason sentence.</summary>
    int HorizonDays { get; }
}
