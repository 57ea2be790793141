using System.Text.RegularExpressions;

namespace CsBot.Core.Querying;

/// <summary>
/// Questions for the churn model's ranking ("which accounts are most likely to churn", "highest churn probability").
/// Narrow on purpose: "likely to churn" alone stays the rule-based at-risk list it always was.
/// </summary>
public static partial class ChurnLikelihoodWords
{
    public static bool AsksForRanking(string normal) => Ranking().IsMatch(normal);

    [GeneratedRegex(@"\b(?:most|more)\s+likely\s+to\s+(?:churn|leave|cancel)\b|\blikeliest\s+to\s+(?:churn|leave|cancel)\b|\b(?:highest|top|biggest)\s+(?:predicted\s+)?churn\s+(?:probabilit(?:y|ies)|chances?|odds)\b|\bchurn\s+probabilit(?:y|ies)\b|\bpredicted\s+(?:to\s+)?churn\b|\bchurn\s+(?:model|predictions?)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Ranking();
}
