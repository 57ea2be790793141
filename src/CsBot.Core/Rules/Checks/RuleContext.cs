using CsBot.Core.Scoring;
using CsBot.Core.Signals;

namespace CsBot.Core.Rules.Checks;

/// <summary>What every rule check reads: one account's signals and health on one day, and the currency its money is in.</summary>
internal sealed class RuleContext(AccountSignals signals, HealthScore current, DateOnly asOf, string currency)
{
    public AccountSignals Signals { get; } = signals;
    public HealthScore Current { get; } = current;
    public DateOnly AsOf { get; } = asOf;
    public string Currency { get; } = currency;
    public UsageDay[] Usage => Signals.Usage;
}
