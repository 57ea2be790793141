namespace CsBot.Core.Querying;

/// <summary>What a chat question asks for. New values are appended so existing ones keep their numbers.</summary>
public enum IntentKind
{
    /// <summary>"help", "/cs", an empty message.</summary>
    Help,
    /// <summary>"health of Acme", "how is Acme doing", or a bare account name.</summary>
    AccountHealth,
    /// <summary>"why is Acme at risk".</summary>
    Why,
    /// <summary>"at-risk accounts for Dana in Enterprise", "accounts in poor health".</summary>
    AtRiskList,
    /// <summary>"my accounts".</summary>
    MyAccounts,
    /// <summary>"top movers this week", "biggest drops".</summary>
    TopMovers,
    /// <summary>"overdue invoices".</summary>
    OverdueInvoices,
    /// <summary>"renewals next quarter", "/cs renewals 60".</summary>
    Renewals,
    /// <summary>"nrr for Enterprise last quarter", "what was churn in October".</summary>
    Metric,
    /// <summary>"ack Initech usage-cliff".</summary>
    Acknowledge,
    /// <summary>"snooze the Initech alert for a week".</summary>
    Snooze,
    /// <summary>"subscribe": send the weekly digest to this channel.</summary>
    Subscribe,
    /// <summary>"unsubscribe": stop the weekly digest in this channel.</summary>
    Unsubscribe,
    /// <summary>Not understood and not plausibly an account name; <see cref="ParsedQuestion.Text"/> has what was typed.</summary>
    Unknown,
    /// <summary>"who owns Initrode", "when is Hooli up for renewal", "what's Acme Corp's ARR": one fact about one account.</summary>
    AccountFact,
    /// <summary>"is Hooli trending up", "how has Globex's health changed over the last month".</summary>
    AccountTrend,
    /// <summary>"open a ticket for Acme", "forecast churn for 2027": something CsBot does not do; answered with what it can.</summary>
    CannotDo,
    /// <summary>"accounts with open critical tickets", "detractors this month": accounts showing one <see cref="ListSignal"/>.</summary>
    SignalList,
    /// <summary>The accounts the churn model ranks most likely to churn ("which accounts are most likely to churn").</summary>
    LikelyToChurnList,
}
