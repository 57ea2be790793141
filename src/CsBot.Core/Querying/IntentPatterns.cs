using System.Text.RegularExpressions;

namespace CsBot.Core.Querying;

/// <summary>The phrasings of each intent, as source-generated regexes over the cleaned question (case-insensitive).</summary>
internal static partial class IntentPatterns
{
    private const RegexOptions I = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;

    /// <summary>
    /// "@csbot" typed as plain text. Each chat platform removes its own mention markup of the bot (and turns mentions
    /// of people into their name or email) before the question gets here.
    /// </summary>
    [GeneratedRegex(@"@csbot\b", I)]
    public static partial Regex BotMention();

    [GeneratedRegex(@"\s+")]
    public static partial Regex Spaces();

    [GeneratedRegex(@"^(?:(?:hey|hi|hello|ok|okay|yo)\b[\s,]*)?(?:csbot\b[\s,:]*)?(?:please\s+|pls\s+)?(?:(?:can|could|would|will)\s+(?:you|u)\s+(?:please\s+)?)?(?:please\s+|pls\s+)?", I)]
    public static partial Regex PoliteStart();

    [GeneratedRegex(@"[\s,]+(?:please|pls|thanks|thank\s+you|thx|ty)$", I)]
    public static partial Regex PoliteEnd();

    [GeneratedRegex(@"^(?:help|\?|h|what\s+can\s+you\s+do|what\s+do\s+you\s+do|commands|usage|how\s+do\s+i\s+use\s+(?:you|this|csbot|this\s+bot)|examples|menu|options|help\s+me|show\s+(?:me\s+)?(?:the\s+)?help|what\s+can\s+i\s+ask(?:\s+you)?)$", I)]
    public static partial Regex Help();

    [GeneratedRegex(@"\b(?:unsubscribe|unsub)\b|^(?:stop|disable|turn\s+off|cancel|pause|mute|end|remove)\b.*\b(?:digests?|summar(?:y|ies)|subscriptions?|weekly\s+(?:reports?|updates?|emails?))\b|\bdigests?\s+off$|\bno\s+more\s+(?:weekly\s+)?(?:digests?|summaries|reports)\b|\bdon'?t\s+send\b.*\bdigests?\b", I)]
    public static partial Regex Unsubscribe();

    [GeneratedRegex(@"^(?:subscribe|sub)\b|\bsubscribe\b|^(?:enable|turn\s+on|start|activate|set\s+up|setup|send|post|schedule)\b.*\b(?:digests?|weekly\s+(?:summary|report|update)s?)\b|\bdigests?\s+on$|^(?:weekly\s+)?digest$|\b(?:weekly\s+)?digest\s+(?:here|in\s+this\s+channel|to\s+this\s+channel)\b", I)]
    public static partial Regex Subscribe();

    [GeneratedRegex(@"^(?:ack|acknowledge|acknowledged|acked|dismiss)\b[\s:,-]*(?<ref>.*)$", I)]
    public static partial Regex Acknowledge();

    [GeneratedRegex(@"^mark\s+(?<ref>.+?)\s+as\s+(?:seen|read|handled|done|acknowledged|acked|known)$|^(?:i'?ve\s+|i\s+have\s+)?(?:seen|handled|handling)\s+(?<ref>.+?\balerts?)$", I)]
    public static partial Regex AcknowledgeOther();

    [GeneratedRegex(@"^(?:snooze|silence|quiet|hush|mute|pause)\b[\s:,-]*(?<rest>.*)$", I)]
    public static partial Regex Snooze();

    [GeneratedRegex(@"(?:^|\s+)(?:(?:for|by)\s+)?(?:(?<n>\d{1,3}|an?|one|two|three|four|five|six|seven|ten|fourteen|thirty)\s*(?<u>d|days?|w|wks?|weeks?|mos?|months?)|(?<renewal>(?:until|till|til|up\s+to|to)\s+(?:the\s+|its\s+|their\s+)?(?:next\s+)?renewal)|(?<tomorrow>(?:until|till|til)\s+tomorrow))$", I)]
    public static partial Regex SnoozeDuration();

    [GeneratedRegex(@"^(?:the|this|that)\s+|^alerts?\s+(?:for|on|about)\s+|^(?:for|on|about)\s+|\s+alerts?$|^alerts?$", I)]
    public static partial Regex AlertFrame();

    [GeneratedRegex(@"^why\s+(?:is\s+|are\s+)?(?<account>.+?)(?:\s+(?:at\s+risk|flagged|alerted|poor|red|unhealthy|orange|amber|yellow|green|average|(?:so\s+)?low|down|in\s+the\s+red))?$", I)]
    public static partial Regex Why();

    [GeneratedRegex(@"^(?:did|does|do|has|have|was|were|would|will|can|could|should)\b|\b(?:churn|nrr|grr|nps|csat)\b", I)]
    public static partial Regex WhyIsNotAboutAnAccount();

    [GeneratedRegex(@"^(?:show\s+(?:me\s+)?)?(?:the\s+)?(?:health\s*score|health|score)(?:\s+(?:of|for))?\s+(?<account>.+)$", I)]
    public static partial Regex Health();

    /// <summary>"Acme health", "Acme Corp's health score", "status of Initech", "tell me about Acme", "what's up with Hooli".</summary>
    [GeneratedRegex(@"^(?<account>.+?)(?:'s)?\s+(?:health\s*score|health|score|status)$|^(?:(?:what'?s|what\s+is|show(?:\s+me)?|give\s+me|get)\s+)?(?:the\s+)?(?:status|latest)\s+(?:of|for|on)\s+(?<account>.+)$|^(?:tell\s+me\s+about|what'?s\s+(?:up|going\s+on|new)\s+with|how(?:'?s|\s+is)\s+it\s+going\s+with|check(?:\s+on)?|look\s*up)\s+(?<account>.+)$", I)]
    public static partial Regex AccountAsk();

    [GeneratedRegex(@"^how(?:'s|\s+is|\s+are)\s+(?<account>.+?)(?:\s+doing)?$", I)]
    public static partial Regex HowIs();

    [GeneratedRegex(@"^(?:is|are)\s+(?<account>.+?)\s+(?:at[\s-]*risk|healthy|ok|okay|in\s+trouble|in\s+the\s+red|red|orange|amber|yellow|green|doing\s+(?:ok|okay|well|fine|good|alright))$", I)]
    public static partial Regex IsAccount();

    [GeneratedRegex(@"^(?:any|there|we|our|my|all|accounts?|customers?|clients?|anyone|anybody|some|many|which|how|the\s+accounts)\b", I)]
    public static partial Regex NotAnAccount();

    [GeneratedRegex(@"\b(?:overdue|past[\s-]+due|unpaid|late|outstanding|delinquent|open)\s+(?:invoices?|bills?|payments?|balances?)\b|\binvoices?\b.*\b(?:overdue|past\s+due|unpaid|late|outstanding)\b|^(?:overdue|invoices|collections|ar)$|\bwho\s+(?:hasn'?t|has\s+not|haven'?t|didn'?t)\s+paid?\b|\bwho\s+owes\b|\bbehind\s+on\s+(?:payments?|invoices?)\b|\bowes?\s+us\b|\bpay(?:s|ing)?\s+late\b|\blate\s+(?:payers|paying)\b", I)]
    public static partial Regex Overdue();

    [GeneratedRegex(@"^renewals?\s+(?<n>\d{1,4})(?:\s*d(?:ays?)?)?$", I)]
    public static partial Regex RenewalsDays();

    [GeneratedRegex(@"\brenew(?:als?|ing|s|ed)?\b|\bup\s+for\s+renewal\b|\b(?:contracts?|subscriptions?|deals?)\s+(?:ending|expiring|coming\s+up|up)\b|\bexpir(?:ing|es|y|ations?)\b", I)]
    public static partial Regex Renewals();

    [GeneratedRegex(@"\btop\s+(?:movers?|drops?|droppers|decliners|fallers|gainers|risers|improvers|changes)\b|\bbiggest\s+(?:movers?|drops?|declines?|decliners|fallers?|falls|losers?|gains?|gainers|risers?|improvers?|improvements?|changes?|swings?|jumps?|movements?)\b|\b(?:largest|most)\s+(?:drops?|declines?|improved|declined|changes?|gains?|movement)\b|\bmovers\b|\b(?:who|accounts?|customers?|clients?|ones)\s+(?:dropped|fell|declined|improved|rose|moved|changed|jumped|gained|grew|slipped)(?:\s+the)?\s+most\b|\b(?:score|health)\s+(?:drops|changes|movers|swings)\b|\bwhat\s+changed\b|\bwho\s+moved\b", I)]
    public static partial Regex TopMovers();

    [GeneratedRegex(@"\b(?:drops?|droppers|declines?|decliners|declined|dropped|fallers?|falls|fell|losers?|worst|worsened)\b", I)]
    public static partial Regex MoverDrops();

    [GeneratedRegex(@"\b(?:gains?|gainers|risers?|rose|improvers?|improved|improvements?|jumps?|jumped|best)\b", I)]
    public static partial Regex MoverGains();

    [GeneratedRegex(@"\bat[\s-]*risk\b|\brisky\b|\brisk\s*list\b|\bwatch\s*list\b|\bchurn[\s-]+risks?\b|\brisk\s+of\s+(?:churn(?:ing)?|leaving)\b|\b(?:likely|about|going|set)\s+to\s+(?:churn|leave|cancel)\b|\b(?:might|could|may|will)\s+(?:churn|leave|cancel)\b|\bchurning\b|\b(?:red|orange|amber|yellow|green|unhealthy|healthy|struggling|troubled|critical|poor|average|good)\s+(?:health\s+)?(?:accounts?|customers?|clients?|ones)\b|\b(?:accounts?|customers?|clients?)\s+(?:in|with)\s+(?:poor|bad|average|good|red|orange|amber|yellow|green)\s+health\b|\b(?:accounts?|customers?|clients?|ones|who)(?:'s|\s+(?:are|is))\s+(?:red|orange|amber|yellow|green|unhealthy|healthy)\b|\b(?:poor|bad|average|good)[\s-]+health\b|\bin\s+trouble\b|\bin\s+the\s+red\b", I)]
    public static partial Regex AtRisk();

    /// <summary>A band typed alone ("red", "poor health", "orange ones"): the list of that band, not an account called so.</summary>
    [GeneratedRegex(@"^(?:(?:red|orange|amber|yellow|green)(?:\s+(?:health|ones))?|(?:poor|bad|average|fair|good)[\s-]+health)$", I)]
    public static partial Regex BandAlone();

    [GeneratedRegex(@"\bchurn[\s-]+risks?\b|\brisk\s+of\s+churn|\b(?:likely|about|going|set)\s+to\s+churn\b|\b(?:might|could|may|will)\s+churn\b|\bchurning\b|\bat[\s-]*risk\b", I)]
    public static partial Regex ChurnRisk();

    [GeneratedRegex(@"\b(?:my|mine)\s+(?:own\s+)?(?:accounts?|customers?|clients?|book(?:\s+of\s+business)?|portfolio|list)\b|^mine$|^my$|\b(?:accounts?|customers?|clients?)\s+(?:i\s+own|i\s+manage|i'?m\s+on|assigned\s+to\s+me|owned\s+by\s+me|for\s+me)\b|\bwhat\s+do\s+i\s+own\b|\bwhich\s+accounts\s+(?:are|do)\s+(?:mine|i\s+own)\b", I)]
    public static partial Regex MyAccounts();

    [GeneratedRegex(@"\b(?:my|accounts|customers|portfolio|everyone|everything)\b", I)]
    public static partial Regex NotOneAccount();
}
