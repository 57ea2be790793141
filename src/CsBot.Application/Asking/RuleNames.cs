using CsBot.Core.Rules;

namespace CsBot.Application.Asking;

/// <summary>
/// What a rule is called in an answer: its kind in people's words ("usage cliff", "critical tickets"), never its
/// configured id, which only buttons carry.
/// </summary>
public static class RuleNames
{
    public static string Of(RuleKind kind) => kind switch
    {
        RuleKind.HealthBelow => "low health",
        RuleKind.HealthDrop => "health drop",
        RuleKind.UsageDrop => "usage cliff",
        RuleKind.SeatUtilizationBelow => "low seat utilisation",
        RuleKind.NoLogin => "no logins",
        RuleKind.NpsDetractor => "NPS detractor",
        RuleKind.CsatBelow => "low CSAT",
        RuleKind.InvoiceOverdue => "overdue invoice",
        RuleKind.OpenCriticalTickets => "critical tickets",
        RuleKind.RenewalAtRisk => "renewal at risk",
        RuleKind.Contraction => "contraction",
        _ => kind.ToString(),
    };

    /// <summary>The name of the configured rule <paramref name="ruleId"/>; an id no longer configured reads with spaces for hyphens.</summary>
    public static string Of(string ruleId, IReadOnlyList<RuleDefinition> definitions)
    {
        foreach (var d in definitions)
            if (d is not null && d.Id == ruleId) return Of(d.Kind);
        return ruleId.Replace('-', ' ');
    }
}
