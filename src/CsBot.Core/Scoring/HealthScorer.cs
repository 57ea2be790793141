using CsBot.Core.Signals;
namespace CsBot.Core.Scoring;
public sealed class HealthScorer(ScoringOptions options)
{
    public HealthScore Score(AccountSignals signals, DateOnly asOf) => new() { AccountId = signals.Account.Id, AsOf = asOf, Score = 50, Band = options.BandFor(50) };
}
