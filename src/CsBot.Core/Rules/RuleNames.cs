namespace CsBot.Core.Rules;

/// <summary>
/// A rule's name in words for people to read: the configured id ("usage-cliff", "low_csat") with its separators as
/// spaces and a capital first letter ("Usage cliff", "Low csat"), well-known abbreviations in capitals ("NPS
/// detractor"). The id itself stays for what machines read: button data, alert ids, "ack Initech usage-cliff".
/// </summary>
public static class RuleNames
{
    private static readonly HashSet<string> Abbreviations = new(StringComparer.OrdinalIgnoreCase) { "nps", "csat", "ces", "mrr", "arr", "nrr", "grr", "sla" };

    public static string Words(string ruleId)
    {
        if (string.IsNullOrWhiteSpace(ruleId)) return ruleId;
        var words = ruleId.Trim().Split(['-', '_', ' ', '.'], StringSplitOptions.RemoveEmptyEntries)
            .Select(w => Abbreviations.Contains(w) ? w.ToUpperInvariant() : w.ToLowerInvariant())
            .ToArray();
        if (words.Length == 0) return ruleId;
        words[0] = char.ToUpperInvariant(words[0][0]) + words[0][1..];
        return string.Join(' ', words);
    }

    /// <summary>A rule's kind in people's words, lower case ("usage cliff", "critical tickets"), for sentences about the rule.</summary>
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
        RuleKind.PredictedChurnAbove => "predicted churn",
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
