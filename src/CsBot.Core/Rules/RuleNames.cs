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
}
