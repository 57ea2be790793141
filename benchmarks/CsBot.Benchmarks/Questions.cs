namespace CsBot.Benchmarks;

/// <summary>One representative question and the kind of answer it needs.</summary>
public sealed record Question(string Category, string Text)
{
    public override string ToString() => Text;
}

/// <summary>
/// The questions timed, grouped by the work their answer does: account look-up (exact, typo, ambiguous), the
/// full "why" evaluation, list scans over every account, metrics over every account's revenue history, and follow-ups
/// read against the conversation's last question.
/// </summary>
public static class Questions
{
    public const string AccountHealth = "account health";
    public const string Why = "why";
    public const string AtRisk = "at-risk list";
    public const string AtRiskForOwner = "at risk for an owner";
    public const string Renewals = "renewals";
    public const string Metric = "metric";
    public const string TopMovers = "top movers";
    public const string OverdueInvoices = "overdue invoices";
    public const string DidYouMean = "did you mean";
    public const string Unknown = "unknown";
    public const string AsTyped = "as people type";
    public const string FollowUp = "follow-up";

    public static IReadOnlyList<Question> All { get; } =
    [
        new(AccountHealth, "health of Acme Crop"),
        new(AccountHealth, "how is Initech doing?"),
        new(Why, "why is Initech at risk?"),
        new(AtRisk, "which accounts are at risk?"),
        new(AtRiskForOwner, "at risk for Dana"),
        new(Renewals, "renewals in the next 60 days"),
        new(Metric, "what was NRR last quarter?"),
        new(Metric, "NPS this year"),
        new(Metric, "GRR for Enterprise 2026"),
        new(TopMovers, "top movers this week"),
        new(OverdueInvoices, "overdue invoices"),
        new(DidYouMean, "health of acme"),
        new(Unknown, "what's the weather like on Mars?"),
        new(AsTyped, "hey, I have a call with Initech in 10 min, how are they looking?"),
        new(AsTyped, "whats pulling down initechs score"),
        new(AsTyped, "renewls nxt quarter pls"),
        // Read against the question before, kept in the LiteDB conversation store.
        new(AtRisk, "accounts at risk in Mid-Market"),
        new(FollowUp, "show more"),
        new(FollowUp, "and Globex?"),
        new(FollowUp, "how come?"),
    ];

    public static IReadOnlyList<string> Categories { get; } = [.. All.Select(q => q.Category).Distinct()];

    public static IEnumerable<Question> In(string category) => All.Where(q => q.Category == category);
}
