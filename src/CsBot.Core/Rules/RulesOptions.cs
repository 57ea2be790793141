namespace CsBot.Core.Rules;

/// <summary>The configured rule set, bound from configuration section "Rules".</summary>
public sealed class RulesOptions
{
    public const string SectionName = "Rules";

    public List<RuleDefinition> Definitions { get; set; } = Defaults();

    public static List<RuleDefinition> Defaults() =>
    [
        new() { Id = "health-critical", Kind = RuleKind.HealthBelow, Severity = Severity.High, Threshold = 40 },
        new() { Id = "health-drop", Kind = RuleKind.HealthDrop, Severity = Severity.Warning, Points = 15, Days = 30 },
        new() { Id = "usage-cliff", Kind = RuleKind.UsageDrop, Severity = Severity.High, Percent = 40, RecentDays = 7, BaselineDays = 28 },
        new() { Id = "low-seat-utilization", Kind = RuleKind.SeatUtilizationBelow, Severity = Severity.Warning, Percent = 30 },
        new() { Id = "no-login", Kind = RuleKind.NoLogin, Severity = Severity.High, Days = 14 },
        new() { Id = "nps-detractor", Kind = RuleKind.NpsDetractor, Severity = Severity.Warning, Days = 30 },
        new() { Id = "low-csat", Kind = RuleKind.CsatBelow, Severity = Severity.Warning, Threshold = 3, Days = 90 },
        new() { Id = "invoice-overdue", Kind = RuleKind.InvoiceOverdue, Severity = Severity.High, Days = 30 },
        new() { Id = "critical-tickets", Kind = RuleKind.OpenCriticalTickets, Severity = Severity.Critical, Count = 2 },
        new() { Id = "renewal-at-risk", Kind = RuleKind.RenewalAtRisk, Severity = Severity.Critical, Days = 60 },
        new() { Id = "contraction", Kind = RuleKind.Contraction, Severity = Severity.High, Percent = 20, Days = 30 },
    ];
}
