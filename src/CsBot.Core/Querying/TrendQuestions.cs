using System.Text.RegularExpressions;

namespace CsBot.Core.Querying;

/// <summary>
/// Questions about which way one account's health is going, over the normalised question: "is hooli trending up",
/// "is initech getting worse", "how has globex's health changed over the last month", "acme labs health trend".
/// A period may follow ("... over the last month", "... since October"); without one the answer picks its own.
/// </summary>
public static partial class TrendQuestions
{
    private const RegexOptions I = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;
    private const string Score = @"(?:'s|')?(?:\s+(?:health\s*score|health|score))?";

    private static readonly Regex[] Phrasings = [Direction(), Moving(), Changed(), TrendOf(), OfTrend()];

    /// <summary>True when <paramref name="q"/> asks how one account's health is moving; the period is set when one was named.</summary>
    public static bool TryParse(string q, DateOnly? today, IReadOnlyCollection<string> segments, out string account, out PeriodMatch? period)
    {
        foreach (var pattern in Phrasings)
        {
            var m = pattern.Match(q);
            if (m.Success && Accept(m, today, segments, out account, out period)) return true;
        }
        account = "";
        period = null;
        return false;
    }

    private static bool Accept(Match m, DateOnly? today, IReadOnlyCollection<string> segments, out string account, out PeriodMatch? period)
    {
        period = null;
        account = AccountPhrase.Trim(m.Groups["account"].Value);
        if (!AccountPhrase.CouldBeAccount(account, today, segments)) return false;
        var when = m.Groups["period"].Value.Trim();
        if (when.Length == 0) return true;
        if (today is not { } t || !PeriodParser.TryParse(when, t, PeriodDirection.Past, out var found)) return false;
        period = found;
        return true;
    }

    private const string Lead = @"(?<period>\s+(?:over|in|during|since|this|last|past|for)\b.*)?$";

    [GeneratedRegex(@"^(?:is|are|has|have)\s+(?<account>.+?)" + Score + @"\s+(?:trending|heading|going|moving|getting|doing)\s+(?:up(?:wards?)?|down(?:wards?)?|better|worse|in\s+the\s+(?:right|wrong)\s+direction|the\s+(?:right|wrong)\s+way)" + Lead, I)]
    private static partial Regex Direction();

    [GeneratedRegex(@"^(?:is|are|has|have)\s+(?<account>.+?)" + Score + @"\s+(?:improving|improved|declining|declined|deteriorating|deteriorated|slipping|slipped|dropping|dropped|falling|recovering|recovered|trending)" + Lead, I)]
    private static partial Regex Moving();

    [GeneratedRegex(@"^how\s+(?:has|have|did|is|are)\s+(?<account>.+?)" + Score + @"\s+(?:changed|change|changing|moved|move|moving|trended|trending|developed|evolved|been\s+trending)(?<period>\s+.+)?$", I)]
    private static partial Regex Changed();

    [GeneratedRegex(@"^(?:what(?:'s|\s+is)\s+|show\s+(?:me\s+)?)?(?:the\s+)?(?<account>.+?)" + Score + @"\s+(?:trend|trajectory|history|over\s+time)" + Lead, I)]
    private static partial Regex TrendOf();

    [GeneratedRegex(@"^(?:what(?:'s|\s+is)\s+|show\s+(?:me\s+)?)?(?:the\s+)?(?:health\s+|score\s+)?(?:trend|trajectory|history)\s+(?:of|for)\s+(?<account>.+?)(?<period>\s+(?:over|in|during|since|this|last|past)\b.*)?$", I)]
    private static partial Regex OfTrend();
}
