using CsBot.Core.Metrics;
using CsBot.Core.Rules.Checks;
using CsBot.Core.Scoring;
using CsBot.Core.Signals;

namespace CsBot.Core.Rules;

/// <summary>
/// Evaluates the configured churn-risk rules for one account on one day. Pure: reads only data dated on or before
/// <c>asOf</c>. Each hit carries one sentence with the numbers and the measured value.
/// </summary>
/// <remarks>
/// A rule missing a parameter it needs does not fire (configuration is checked up front by <see cref="RuleValidation"/>).
/// Rules on the health score do not fire when the score had no data at all (<see cref="HealthScore.HasData"/> false):
/// its neutral value says nothing about risk.
/// </remarks>
/// <param name="metrics">Where the currency comes from, for the amounts reasons quote.</param>
/// <param name="predicted">The churn model's probabilities, for <see cref="RuleKind.PredictedChurnAbove"/>; without it that kind never fires.</param>
public sealed class RuleEvaluator(RulesOptions options, MetricsOptions metrics, IPredictedChurn? predicted = null)
{
    /// <summary>Bands <see cref="RuleKind.RenewalAtRisk"/> fires for when its <c>Bands</c> are not configured.</summary>
    public static readonly IReadOnlyList<HealthBand> DefaultRenewalBands = [HealthBand.Poor, HealthBand.Average];

    /// <summary>The configured rules, in configuration order.</summary>
    public IReadOnlyList<RuleDefinition> Definitions => options.Definitions;

    public IReadOnlyList<RuleHit> Evaluate(AccountSignals signals, HealthScore current, ReadOnlySpan<ScorePoint> history, DateOnly asOf)
    {
        if (signals.Account.ChurnedOn is { } churned && churned <= asOf) return [];

        var context = new RuleContext(signals, current, asOf, metrics.Currency);
        List<RuleHit>? hits = null;
        foreach (var rule in options.Definitions)
        {
            if (rule is null || !rule.Enabled) continue;
            if (Check(rule, context, history) is { } hit) (hits ??= []).Add(hit);
        }
        return hits ?? (IReadOnlyList<RuleHit>)[];
    }

    /// <summary>
    /// One rule for one account, whether or not it is enabled: what a list of the accounts one kind of rule flags
    /// reads, so the list agrees with the alerts that rule raises.
    /// </summary>
    public RuleHit? Evaluate(RuleDefinition rule, AccountSignals signals, HealthScore current, ReadOnlySpan<ScorePoint> history, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(rule);
        if (signals.Account.ChurnedOn is { } churned && churned <= asOf) return null;
        return Check(rule, new RuleContext(signals, current, asOf, metrics.Currency), history);
    }

    private RuleHit? Check(RuleDefinition rule, RuleContext context, ReadOnlySpan<ScorePoint> history)
    {
        var finding = rule.Kind switch
        {
            RuleKind.HealthBelow => HealthBelowCheck.Evaluate(rule, context),
            RuleKind.HealthDrop => HealthDropCheck.Evaluate(rule, context, history),
            RuleKind.UsageDrop => UsageDropCheck.Evaluate(rule, context),
            RuleKind.SeatUtilizationBelow => SeatUtilizationBelowCheck.Evaluate(rule, context),
            RuleKind.NoLogin => NoLoginCheck.Evaluate(rule, context),
            RuleKind.NpsDetractor => NpsDetractorCheck.Evaluate(rule, context),
            RuleKind.CsatBelow => CsatBelowCheck.Evaluate(rule, context),
            RuleKind.InvoiceOverdue => InvoiceOverdueCheck.Evaluate(rule, context),
            RuleKind.OpenCriticalTickets => OpenCriticalTicketsCheck.Evaluate(rule, context),
            RuleKind.RenewalAtRisk => RenewalAtRiskCheck.Evaluate(rule, context),
            RuleKind.Contraction => ContractionCheck.Evaluate(rule, context),
            RuleKind.PredictedChurnAbove => PredictedChurnAboveCheck.Evaluate(rule, context, predicted),
            _ => null,
        };
        return finding is { } f ? new RuleHit(rule.Id, rule.Kind, rule.Severity, context.Signals.Account.Id, f.Reason, f.Observed) : null;
    }
}
