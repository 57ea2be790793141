using System.Text.RegularExpressions;

namespace CsBot.Core.Querying;

/// <summary>
/// Questions about one fact of one account, over the normalised question: "when is hooli up for renewal", "who owns
/// initrode", "what's acme corp's ARR", "mrr of pied piper", "how many seats does hooli have", "which segment is
/// cyberdyne in", "what plan is vandelay on", "when did someone at vandelay last log in", "how many open tickets does
/// wayne analytics have". Each phrasing names the fact and leaves the account's words; those must read as a name
/// (<see cref="AccountPhrase.CouldBeAccount"/>), so "renewals next quarter" and "arr for enterprise" stay what they were.
/// </summary>
public static partial class AccountFacts
{
    private const RegexOptions I = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;

    private static readonly (AccountFactKind Fact, Regex Pattern)[] Phrasings =
    [
        (AccountFactKind.RenewalDate, RenewalDate()),
        (AccountFactKind.Owner, Owner()),
        (AccountFactKind.Seats, Seats()),
        (AccountFactKind.Segment, Segment()),
        (AccountFactKind.Plan, Plan()),
        (AccountFactKind.LastLogin, LastLogin()),
        (AccountFactKind.OpenTickets, OpenTickets()),
    ];

    /// <summary>True when <paramref name="q"/> asks for one fact of one account; <paramref name="account"/> is the name as typed.</summary>
    public static bool TryParse(string q, DateOnly? today, IReadOnlyCollection<string> segments, out AccountFactKind fact, out string account)
    {
        var money = Money().Match(q);
        if (money.Success && Accept(money, today, segments, out account))
        {
            fact = money.Groups["f"].Value.Equals("arr", StringComparison.OrdinalIgnoreCase) ? AccountFactKind.Arr : AccountFactKind.Mrr;
            return true;
        }
        foreach (var (kind, pattern) in Phrasings)
        {
            var m = pattern.Match(q);
            if (m.Success && Accept(m, today, segments, out account))
            {
                fact = kind;
                return true;
            }
        }
        fact = default;
        account = "";
        return false;
    }

    private static bool Accept(Match m, DateOnly? today, IReadOnlyCollection<string> segments, out string account)
    {
        account = AccountPhrase.Trim(m.Groups["account"].Value);
        return AccountPhrase.CouldBeAccount(account, today, segments);
    }

    private const string Possessive = @"(?:'s|')?";

    [GeneratedRegex(@"^when(?:'s|\s+is|\s+does|\s+will|\s+do)\s+(?<account>.+?)" + Possessive + @"\s+(?:(?:come\s+)?up\s+for\s+renewal|renew|renewing|renewal|(?:contract|subscription)\s+(?:end|ending|expire|expiring|up|renew)|expire|expiring|end|up)$"
        + @"|^(?:what(?:'s|\s+is)\s+)?(?:the\s+)?(?:next\s+)?(?:renewal|contract\s+end)(?:\s+date)?\s+(?:of|for)\s+(?<account>.+)$"
        + @"|^(?:what(?:'s|\s+is)\s+|when(?:'s|\s+is)\s+)?(?<account>.+?)" + Possessive + @"\s+(?:next\s+)?(?:renewal|contract\s+end|contract\s+renewal)\s+date$"
        + @"|^(?:when(?:'s|\s+is)\s+)?(?<account>.+?)'s?\s+(?:next\s+)?renewal$", I)]
    private static partial Regex RenewalDate();

    [GeneratedRegex(@"^who\s+(?:owns|manages|handles|runs|looks\s+after|covers)\s+(?<account>.+)$"
        + @"|^(?:(?:who|what)(?:'s|\s+is)\s+)?(?:the\s+)?(?:owner|csm|account\s+(?:owner|manager)|customer\s+success\s+manager)\s+(?:of|for|on)\s+(?<account>.+)$"
        + @"|^(?:(?:who|what)(?:'s|\s+is)\s+)?(?<account>.+?)" + Possessive + @"\s+(?:owner|csm|account\s+(?:owner|manager)|customer\s+success\s+manager)$"
        + @"|^who\s+is\s+(?<account>.+?)\s+owned\s+by$", I)]
    private static partial Regex Owner();

    [GeneratedRegex(@"^(?:(?:what(?:'s|\s+is|\s+are)|how\s+much\s+is)\s+)?(?:the\s+)?(?<f>arr|mrr)\s+(?:of|for|on|at|from)\s+(?<account>.+)$"
        + @"|^(?:(?:what(?:'s|\s+is|\s+are)|how\s+much\s+is)\s+)?(?<account>.+?)" + Possessive + @"\s+(?<f>arr|mrr)$"
        + @"|^how\s+much\s+(?<f>arr|mrr)\s+(?:does|is|do)\s+(?<account>.+?)(?:\s+(?:have|bring\s+in|worth|generate|pay))?$", I)]
    private static partial Regex Money();

    [GeneratedRegex(@"^how\s+many\s+(?:licensed\s+|paid\s+)?(?:seats|licenses|licences)\s+(?:does|do|has|have|is|are)\s+(?<account>.+?)(?:\s+(?:have|got|bought|paying\s+for|pay\s+for|licensed|on))?$"
        + @"|^(?:(?:what(?:'s|\s+is|\s+are))\s+)?(?:the\s+)?(?:seats|seat\s+count|licenses|licences)\s+(?:of|for|at|on)\s+(?<account>.+)$"
        + @"|^(?:(?:what(?:'s|\s+is|\s+are))\s+)?(?<account>.+?)" + Possessive + @"\s+(?:seats|seat\s+count|licenses|licences)$", I)]
    private static partial Regex Seats();

    [GeneratedRegex(@"^(?:which|what)\s+segment\s+(?:is|are|does)\s+(?<account>.+?)(?:\s+(?:in|belong\s+to|part\s+of|sit\s+in))?$"
        + @"|^(?:what(?:'s|\s+is)\s+)?(?:the\s+)?segment\s+(?:of|for)\s+(?<account>.+)$"
        + @"|^(?:what(?:'s|\s+is)\s+)?(?<account>.+?)" + Possessive + @"\s+segment$", I)]
    private static partial Regex Segment();

    [GeneratedRegex(@"^(?:which|what)\s+(?:plan|package|edition|subscription)\s+(?:is|are|does|do)\s+(?<account>.+?)(?:\s+(?:on|in|have|using|use|got))?$"
        + @"|^(?:what(?:'s|\s+is)\s+)?(?:the\s+)?(?:plan|package)\s+(?:of|for)\s+(?<account>.+)$"
        + @"|^(?:what(?:'s|\s+is)\s+)?(?<account>.+?)" + Possessive + @"\s+(?:plan|package)$", I)]
    private static partial Regex Plan();

    [GeneratedRegex(@"^when\s+did\s+(?:someone|somebody|anyone|anybody|people|users?|anybody)\s+(?:at|from)\s+(?<account>.+?)\s+last\s+(?:log\s*in|login|sign\s*in|use\s+(?:it|us|the\s+product))$"
        + @"|^when\s+did\s+(?<account>.+?)\s+last\s+(?:log\s*in|login|sign\s*in|use\s+(?:it|us|the\s+product))$"
        + @"|^when\s+(?:was|is)\s+(?:the\s+)?(?<account>.+?)" + Possessive + @"\s+last\s+(?:log\s*in|login|activity|sign\s*in)$"
        + @"|^(?:(?:when|what)(?:'s|\s+is|\s+was)\s+)?(?:the\s+)?last\s+(?:log\s*in|login|activity|sign\s*in)\s+(?:of|for|at|from)\s+(?<account>.+)$"
        + @"|^(?<account>.+?)" + Possessive + @"\s+last\s+(?:log\s*in|login|activity|sign\s*in)$", I)]
    private static partial Regex LastLogin();

    [GeneratedRegex(@"^how\s+many\s+(?:open\s+)?(?:support\s+)?tickets\s+(?:does|do|has|have|is)\s+(?<account>.+?)(?:\s+(?:have|got|open|opened|raised|got\s+open))?$"
        + @"|^(?:does|do)\s+(?<account>.+?)\s+have\s+(?:any\s+)?open\s+(?:support\s+)?tickets$"
        + @"|^(?:what\s+are\s+)?(?:the\s+)?open\s+(?:support\s+)?tickets\s+(?:of|for|at|from)\s+(?<account>.+)$"
        + @"|^(?<account>.+?)" + Possessive + @"\s+open\s+(?:support\s+)?tickets$", I)]
    private static partial Regex OpenTickets();
}
