namespace CsBot.Core.Querying;

/// <summary>
/// Whether the words a fact or trend phrasing leaves for the account can be an account's name: not a segment, a period,
/// a metric, a pronoun or a word of a list question ("our", "accounts", "any"), so "enterprise arr", "next quarter
/// renewal date" and "who owns it" are not taken as accounts called "enterprise", "next quarter" and "it".
/// </summary>
internal static class AccountPhrase
{
    private static readonly HashSet<string> NotInAName = new(StringComparer.OrdinalIgnoreCase)
    {
        "it", "its", "it's", "they", "them", "their", "this", "that", "these", "those", "we", "our", "us", "my", "your", "total",
        "portfolio", "accounts", "account", "customers", "customer", "clients", "all", "any", "every", "each", "which", "what",
        "open", "critical", "upcoming", "someone", "anyone", "next", "first", "last", "latest", "biggest", "largest", "top", "most",
        "overall", "average", "company", "team", "everyone",
    };

    /// <summary>The account's words without a leading "the" or a trailing possessive.</summary>
    public static string Trim(string text)
    {
        var s = text.Trim();
        if (s.StartsWith("the ", StringComparison.OrdinalIgnoreCase)) s = s[4..].TrimStart();
        if (s.EndsWith("'s", StringComparison.Ordinal)) s = s[..^2];
        return s.TrimEnd('\'').Trim();
    }

    public static bool CouldBeAccount(string text, DateOnly? today, IReadOnlyCollection<string> segments)
    {
        if (text.Length == 0 || !QuestionParser.LooksLikeAName(text)) return false;
        if (text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Any(NotInAName.Contains)) return false;
        if (segments.Any(s => Plain(s) == Plain(text))) return false;
        var rest = text;
        if (Qualifiers.TakeSegment(ref rest, segments, forMeansSegment: true) is not null && rest.Trim().Length == 0) return false;
        if (today is { } t && PeriodParser.TryParse(text, t, out _)) return false;
        return !MetricSynonyms.TryFind(text, out _, out _, out _);
    }

    private static string Plain(string s) => new([.. s.ToLowerInvariant().Where(char.IsLetterOrDigit)]);
}
