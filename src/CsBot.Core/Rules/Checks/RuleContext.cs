using CsBot.Core.Scoring;
using CsBot.Core.Signals;

namespace CsBot.Core.Rules.Checks;

/// <summary>What every rule check reads: one account's signals and health on one day.</summary>
internal sealed class RuleContext(AccountSignals signals, HealthScore current, DateOnly asOf)
{
    public AccountSignals Signals { get; } = signals;
    public HealthScore Current { get; } = current;
    public DateOnly AsOf { get; } = asOf;
    public UsageDay[] Usage => Signals.Usage;
}
