using CsBot.Core.Metrics;

namespace CsBot.Core.Querying;

/// <summary>
/// The words people use for each metric: "nrr", "net dollar retention", "logo churn", "mrr churn", "dau/mau"...
/// Matching is on whole words, case-insensitive, longest phrase first ("net revenue churn" beats "churn"),
/// with one-letter typos of the longer words tolerated ("retension", "satisfation").
/// </summary>
public static class MetricSynonyms
{
    /// <summary>Every phrase and the metric it names.</summary>
    public static IReadOnlyList<(string Phrase, MetricKind Metric)> All { get; } =
    [
        ("nrr", MetricKind.NetRevenueRetention), ("ndr", MetricKind.NetRevenueRetention),
        ("net revenue retention", MetricKind.NetRevenueRetention), ("net dollar retention", MetricKind.NetRevenueRetention),
        ("net retention", MetricKind.NetRevenueRetention), ("revenue retention", MetricKind.NetRevenueRetention),
        ("dollar retention", MetricKind.NetRevenueRetention), ("net revenue retention rate", MetricKind.NetRevenueRetention),

        ("grr", MetricKind.GrossRevenueRetention), ("gdr", MetricKind.GrossRevenueRetention),
        ("gross revenue retention", MetricKind.GrossRevenueRetention), ("gross dollar retention", MetricKind.GrossRevenueRetention),
        ("gross retention", MetricKind.GrossRevenueRetention),

        ("churn", MetricKind.LogoChurnRate), ("churn rate", MetricKind.LogoChurnRate), ("logo churn", MetricKind.LogoChurnRate),
        ("customer churn", MetricKind.LogoChurnRate), ("customer churn rate", MetricKind.LogoChurnRate),
        ("logo churn rate", MetricKind.LogoChurnRate), ("churned", MetricKind.LogoChurnRate), ("attrition", MetricKind.LogoChurnRate),

        ("revenue churn", MetricKind.GrossRevenueChurn), ("mrr churn", MetricKind.GrossRevenueChurn), ("arr churn", MetricKind.GrossRevenueChurn),
        ("gross revenue churn", MetricKind.GrossRevenueChurn), ("gross churn", MetricKind.GrossRevenueChurn),
        ("gross mrr churn", MetricKind.GrossRevenueChurn), ("dollar churn", MetricKind.GrossRevenueChurn),
        ("revenue churn rate", MetricKind.GrossRevenueChurn),

        ("net revenue churn", MetricKind.NetRevenueChurn), ("net churn", MetricKind.NetRevenueChurn),
        ("net mrr churn", MetricKind.NetRevenueChurn), ("net dollar churn", MetricKind.NetRevenueChurn),

        ("retention", MetricKind.RetentionRate), ("retention rate", MetricKind.RetentionRate), ("customer retention", MetricKind.RetentionRate),
        ("customer retention rate", MetricKind.RetentionRate), ("logo retention", MetricKind.RetentionRate), ("crr", MetricKind.RetentionRate),

        ("expansion", MetricKind.ExpansionRevenueRate), ("expansion revenue", MetricKind.ExpansionRevenueRate),
        ("expansion rate", MetricKind.ExpansionRevenueRate), ("expansion mrr", MetricKind.ExpansionRevenueRate),
        ("expansion revenue rate", MetricKind.ExpansionRevenueRate), ("upsell", MetricKind.ExpansionRevenueRate),
        ("upsells", MetricKind.ExpansionRevenueRate),

        ("nps", MetricKind.Nps), ("net promoter", MetricKind.Nps), ("net promoter score", MetricKind.Nps), ("promoter score", MetricKind.Nps),

        ("csat", MetricKind.Csat), ("satisfaction", MetricKind.Csat), ("customer satisfaction", MetricKind.Csat),
        ("satisfaction score", MetricKind.Csat), ("csat score", MetricKind.Csat),

        ("ces", MetricKind.Ces), ("effort", MetricKind.Ces), ("customer effort", MetricKind.Ces), ("effort score", MetricKind.Ces),
        ("customer effort score", MetricKind.Ces),

        ("renewal rate", MetricKind.RenewalRate), ("renewal rates", MetricKind.RenewalRate), ("renew rate", MetricKind.RenewalRate),
        ("contract renewal rate", MetricKind.RenewalRate),

        ("clv", MetricKind.CustomerLifetimeValue), ("ltv", MetricKind.CustomerLifetimeValue), ("cltv", MetricKind.CustomerLifetimeValue),
        ("lifetime value", MetricKind.CustomerLifetimeValue), ("customer lifetime value", MetricKind.CustomerLifetimeValue),

        ("quick ratio", MetricKind.QuickRatio), ("saas quick ratio", MetricKind.QuickRatio),

        ("adoption", MetricKind.AdoptionRate), ("adoption rate", MetricKind.AdoptionRate), ("product adoption", MetricKind.AdoptionRate),
        ("feature adoption", MetricKind.AdoptionRate),

        ("stickiness", MetricKind.Stickiness), ("sticky", MetricKind.Stickiness), ("dau mau", MetricKind.Stickiness),
        ("dau to mau", MetricKind.Stickiness), ("dau mau ratio", MetricKind.Stickiness),
    ];

    private static readonly (string[] Words, MetricKind Metric)[] Phrases =
        [.. All.Select(p => (p.Phrase.Split(' '), p.Metric)).OrderByDescending(p => p.Item1.Length)];

    /// <summary>Words of the phrases long enough for typo correction.</summary>
    private static readonly string[] TypoTargets =
        [.. All.SelectMany(p => p.Phrase.Split(' ')).Where(w => w.Length >= 5).Distinct(StringComparer.Ordinal)];

    private static readonly HashSet<string> KnownWords = [.. All.SelectMany(p => p.Phrase.Split(' '))];

    /// <summary>The metric named in <paramref name="text"/>, and where its words are (to strip them).</summary>
    public static bool TryFind(string text, out MetricKind metric, out int index, out int length)
    {
        metric = default;
        index = length = 0;
        if (string.IsNullOrEmpty(text)) return false;

        // Exact words first; typo correction only when nothing matched as typed.
        return Find(Words(text, correctTypos: false), out metric, out index, out length)
            || Find(Words(text, correctTypos: true), out metric, out index, out length);
    }

    private static bool Find(List<(int Start, int End, string Word)> words, out MetricKind metric, out int index, out int length)
    {
        metric = default;
        index = length = 0;
        for (var start = 0; start < words.Count; start++)
        {
            foreach (var (phrase, kind) in Phrases)
            {
                if (start + phrase.Length > words.Count) continue;
                var all = true;
                for (var k = 0; k < phrase.Length && all; k++) all = words[start + k].Word == phrase[k];
                if (!all) continue;
                metric = kind;
                index = words[start].Start;
                length = words[start + phrase.Length - 1].End - index;
                return true;
            }
        }
        return false;
    }

    private static List<(int Start, int End, string Word)> Words(string text, bool correctTypos)
    {
        var words = new List<(int, int, string)>(12);
        var i = 0;
        while (i < text.Length)
        {
            if (!char.IsLetterOrDigit(text[i])) { i++; continue; }
            var s = i;
            while (i < text.Length && char.IsLetterOrDigit(text[i])) i++;
            var word = text[s..i].ToLowerInvariant();
            if (correctTypos && !KnownWords.Contains(word) && word.Length >= 5 && word.All(char.IsLetter))
                word = EditDistance.Correct(word, TypoTargets) ?? word;
            words.Add((s, i, word));
        }
        return words;
    }
}
