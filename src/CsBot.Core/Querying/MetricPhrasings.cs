using System.Text.RegularExpressions;
using CsBot.Core.Metrics;

namespace CsBot.Core.Querying;

/// <summary>
/// Metrics asked for in plain words rather than by name: "how many logos did we lose" (logo churn), "how much mrr did we
/// lose" (revenue churn), "how many accounts renewed" (renewal rate), "would customers recommend us" (NPS), and how a
/// metric is compared: "q/q", "month over month", "vs last year", "is it improving".
/// </summary>
internal static partial class MetricPhrasings
{
    private const RegexOptions I = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;
    private const string Who = @"(?:logos|customers|accounts|clients)";

    private static readonly (Func<Regex> Pattern, MetricKind Metric)[] Phrasings =
    [
        (RevenueLost, MetricKind.GrossRevenueChurn),
        (LogosLost, MetricKind.LogoChurnRate),
        (LogosKept, MetricKind.RetentionRate),
        (AccountsRenewed, MetricKind.RenewalRate),
        (Expanded, MetricKind.ExpansionRevenueRate),
        (Happy, MetricKind.Csat),
        (Recommend, MetricKind.Nps),
        (Effort, MetricKind.Ces),
        (Lifetime, MetricKind.CustomerLifetimeValue),
        (DailyVsMonthly, MetricKind.Stickiness),
    ];

    /// <summary>The metric asked for in plain words, and the text without those words.</summary>
    public static bool TryFind(string text, out MetricKind metric, out string rest)
    {
        var kept = RevenueKept().Match(text);
        if (kept.Success)
        {
            // "what share of revenue did we keep, not counting upsell" is gross retention; counting it, net retention.
            var without = NotCountingExpansion().Match(text);
            metric = without.Success ? MetricKind.GrossRevenueRetention : MetricKind.NetRevenueRetention;
            rest = without.Success ? Cut(Cut(text, without), RevenueKept().Match(Cut(text, without))) : Cut(text, kept);
            return true;
        }
        foreach (var (pattern, kind) in Phrasings)
        {
            var m = pattern().Match(text);
            if (!m.Success) continue;
            metric = kind;
            rest = Cut(text, m);
            return true;
        }
        metric = default;
        rest = text;
        return false;
    }

    /// <summary>The comparison asked for, and the text without its words (without the metric's own words: "is improving" leaves "").</summary>
    public static MetricComparison? TakeComparison(ref string text)
    {
        var m = Comparison().Match(text);
        if (m.Success)
        {
            text = Cut(text, m);
            return char.ToLowerInvariant(m.Groups["unit"].Value[0]) switch
            {
                'm' => MetricComparison.PreviousMonth,
                'q' => MetricComparison.PreviousQuarter,
                _ => MetricComparison.PreviousYear,
            };
        }
        var direction = Direction().Match(text);
        if (!direction.Success) return null;
        text = direction.Groups["what"].Value;
        return MetricComparison.PreviousPeriod;
    }

    private static string Cut(string text, Match m) =>
        (text[..m.Index].TrimEnd() + " " + text[(m.Index + m.Length)..].TrimStart()).Trim();

    [GeneratedRegex(@"\bhow\s+much\s+(?:mrr|arr|revenue|money|dollars)\s+(?:did|have|has)\s+(?:we|they)\s+(?:lose|lost)\b|\b(?:mrr|arr|revenue)\s+(?:we\s+)?lost\b|\blost\s+(?:mrr|arr|revenue)\b", I)]
    private static partial Regex RevenueLost();

    [GeneratedRegex(@"\bhow\s+many\s+" + Who + @"\s+(?:did|have)\s+we\s+(?:lose|lost|churn(?:ed)?)\b|\bhow\s+many\s+" + Who + @"\s+(?:we\s+)?(?:lost|churned)\b|\b(?:lost|churned)\s+" + Who + @"\b|\blogos?\s+lost\b", I)]
    private static partial Regex LogosLost();

    [GeneratedRegex(@"\bhow\s+many\s+" + Who + @"\s+(?:did|have)\s+we\s+(?:keep|kept|retain(?:ed)?)\b|\b(?:kept|retained)\s+" + Who + @"\b", I)]
    private static partial Regex LogosKept();

    [GeneratedRegex(@"\bhow\s+many\s+(?:" + Who + @"|contracts|subscriptions)\s+(?:renewed|did\s+renew|have\s+renewed)\b", I)]
    private static partial Regex AccountsRenewed();

    [GeneratedRegex(@"\bhow\s+much\s+(?:did|have)\s+we\s+(?:expand(?:ed)?|upsold|upsell)\b|\bhow\s+much\s+expansion\b", I)]
    private static partial Regex Expanded();

    [GeneratedRegex(@"\bhow\s+(?:happy|satisfied)\s+are\s+(?:our\s+)?(?:customers|clients|users)\b", I)]
    private static partial Regex Happy();

    [GeneratedRegex(@"\bwould\s+(?:our\s+)?(?:customers|clients|users)\s+recommend\s+us\b|\bhow\s+likely\s+(?:are\s+)?(?:our\s+)?(?:customers|clients|users)\s+(?:are\s+)?to\s+recommend\s+us\b", I)]
    private static partial Regex Recommend();

    [GeneratedRegex(@"\bhow\s+(?:easy|hard)\s+is\s+it\s+(?:for\s+(?:our\s+)?(?:customers|clients|users)\s+)?to\s+(?:get\s+(?:help|support)|work\s+with\s+us)\b", I)]
    private static partial Regex Effort();

    [GeneratedRegex(@"\b(?:what'?s\s+|what\s+is\s+)?(?:a|an|the\s+average)\s+(?:customer|account|client)(?:\s+is)?\s+worth\s+over\s+(?:their|its|a)\s+lifetime\b", I)]
    private static partial Regex Lifetime();

    [GeneratedRegex(@"\b(?:how\s+many\s+users\s+)?(?:log\s*in\s+)?daily\s+(?:vs\.?|versus|to|against)\s+monthly(?:\s+(?:users|logins|actives))?\b", I)]
    private static partial Regex DailyVsMonthly();

    [GeneratedRegex(@"\b(?:what\s+)?(?:share|percent(?:age)?|portion|how\s+much)\s+of\s+(?:our\s+)?(?:revenue|mrr|arr)\s+(?:did|have)\s+we\s+(?:keep|kept|retain(?:ed)?)\b", I)]
    private static partial Regex RevenueKept();

    [GeneratedRegex(@"\b(?:not\s+counting|excluding|without|leaving\s+out|ignoring)\s+(?:upsells?|expansion|expansions)\b", I)]
    private static partial Regex NotCountingExpansion();

    [GeneratedRegex(@"\b(?<unit>month|quarter|year)\s+over\s+(?:month|quarter|year)\b|\b(?:vs\.?|versus|compared\s+(?:to|with)|against)\s+(?:the\s+)?(?:last|previous|prior)\s+(?<unit>month|quarter|year)\b", I)]
    private static partial Regex Comparison();

    [GeneratedRegex(@"^(?:is|are)\s+(?:our\s+|the\s+)?(?<what>.*?)\s*\b(?:improving|getting\s+(?:better|worse)|going\s+(?:up|down)|trending(?:\s+(?:up|down))?|rising|falling|dropping|declining|increasing|decreasing|growing|shrinking)$", I)]
    private static partial Regex Direction();
}
