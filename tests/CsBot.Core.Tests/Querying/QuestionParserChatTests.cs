using CsBot.Core.Metrics;
using CsBot.Core.Querying;
using CsBot.Core.Scoring;

namespace CsBot.Core.Tests.Querying;

/// <summary>Questions typed the way people chat, with the portfolio's account names known to the parser.</summary>
public class QuestionParserChatTests
{
    private static readonly DateOnly Today = new(2026, 11, 26);

    private static readonly KnownNames Names = new(
        ["Hooli", "Globex", "Initech", "Initrode", "Umbrella Health", "Stark Industries", "Stark Logistics", "Massive Dynamic",
         "Vandelay Imports", "Cyberdyne Systems", "Pied Piper", "Soylent Foods", "Acme Corp", "Acme Labs", "Wayne Analytics"]);

    private static ParsedQuestion Parse(string text) => QuestionParser.Parse(text, Today, null, Names);

    [Theory]
    [InlineData("hi, could you tell me how umbrella is going", "umbrella")]
    [InlineData("quick q about initrode?", "initrode")]
    [InlineData("whats up with stark industries", "stark industries")]
    [InlineData("can u pls check massive dynamic", "massive dynamic")]
    [InlineData("I have a call with Vandelay in 10 min, how are they looking", "vandelay")]
    [InlineData("sorry to bother, any news on Cyberdyne Systems?", "cyberdyne systems")]
    [InlineData("@CsBot hi! could you check Stark Logistics for me pls", "stark logistics")]
    public void Chatty_wrappers_around_an_account_question(string text, string account) =>
        AssertAccount(Parse(text), IntentKind.AccountHealth, account);

    [Theory]
    [InlineData("hows hooli doing", IntentKind.AccountHealth, "hooli")]
    [InlineData("whats the matter with globex", IntentKind.AccountHealth, "globex")]
    [InlineData("whats pulling down hoolis score", IntentKind.Why, "hooli")]
    [InlineData("whats initechs health", IntentKind.AccountHealth, "initech")]
    [InlineData("whats wrong w initrode", IntentKind.Why, "initrode")]
    public void Apostrophes_left_out(string text, IntentKind intent, string account) =>
        AssertAccount(Parse(text), intent, account);

    [Theory]
    [InlineData("acme corp healt", IntentKind.AccountHealth, "acme corp")]
    [InlineData("helth of hooli", IntentKind.AccountHealth, "hooli")]
    [InlineData("snoze hooli for a week", IntentKind.Snooze, null)]
    [InlineData("at rsik accounts", IntentKind.AtRiskList, null)]
    [InlineData("renewls next month", IntentKind.Renewals, null)]
    [InlineData("overdeu invoices", IntentKind.OverdueInvoices, null)]
    [InlineData("top mvoers this week", IntentKind.TopMovers, null)]
    [InlineData("my acounts", IntentKind.MyAccounts, null)]
    [InlineData("halp", IntentKind.Help, null)]
    [InlineData("who is paying late", IntentKind.OverdueInvoices, null)]
    [InlineData("unsubscirbe", IntentKind.Unsubscribe, null)]
    public void Mistyped_keywords(string text, IntentKind intent, string? account) =>
        AssertAccount(Parse(text), intent, account);

    [Theory]
    [InlineData("explain hooli's score", "hooli")]
    [InlineData("break down globex's health", "globex")]
    [InlineData("explain the initech health score", "initech")]
    [InlineData("how is the score for umbrella calculated", "umbrella")]
    [InlineData("what drives vandelay's score", "vandelay")]
    [InlineData("what's dragging stark logistics down", "stark logistics")]
    public void Explain_and_score_words_ask_why(string text, string account) =>
        AssertAccount(Parse(text), IntentKind.Why, account);

    [Theory]
    [InlineData("why is initech orange", IntentKind.Why, "initech")]
    [InlineData("why is hooli red", IntentKind.Why, "hooli")]
    [InlineData("whats making soylent foods yellow", IntentKind.Why, "soylent foods")]
    [InlineData("why did acme labs go red", IntentKind.Why, "acme labs")]
    [InlineData("is globex green", IntentKind.AccountHealth, "globex")]
    public void Colour_words_about_one_account(string text, IntentKind intent, string account) =>
        AssertAccount(Parse(text), intent, account);

    [Theory]
    // The demo's bands: red is Poor, orange, amber and yellow are Average (shown as warnings), green is Good.
    [InlineData("any yellow accounts", HealthBand.Average, null)]
    [InlineData("which accounts are red", HealthBand.Poor, null)]
    [InlineData("show me the amber ones", HealthBand.Average, null)]
    [InlineData("list all orange accounts", HealthBand.Average, null)]
    [InlineData("green accounts in enterprise", HealthBand.Good, "enterprise")]
    public void Colour_words_for_bands(string text, HealthBand band, string? segment)
    {
        var parsed = Parse(text);

        Assert.Equal(IntentKind.AtRiskList, parsed.Intent);
        Assert.Equal(band, parsed.Band);
        Assert.Equal(segment, parsed.Segment);
    }

    [Theory]
    [InlineData("which mid-market accounts fell the most this week", MoverFilter.Drops, "mid-market")]
    [InlineData("which smb accounts improved the most this month", MoverFilter.Gains, "smb")]
    public void Which_accounts_moved_the_most(string text, MoverFilter movement, string segment)
    {
        var parsed = Parse(text);

        Assert.Equal(IntentKind.TopMovers, parsed.Intent);
        Assert.Equal(movement, parsed.Movement);
        Assert.Equal(segment, parsed.Segment);
    }

    [Theory]
    [InlineData("how many logos did we lose this quarter", MetricKind.LogoChurnRate, "2026-10-01")]
    [InlineData("how many customers did we lose in october", MetricKind.LogoChurnRate, "2026-10-01")]
    [InlineData("lost logos q3", MetricKind.LogoChurnRate, "2026-07-01")]
    [InlineData("how much mrr did we lose to churn this year", MetricKind.GrossRevenueChurn, "2026-01-01")]
    [InlineData("how many customers did we keep this year", MetricKind.RetentionRate, "2026-01-01")]
    [InlineData("how many accounts renewed last quarter", MetricKind.RenewalRate, "2026-07-01")]
    [InlineData("what share of revenue did we keep last quarter, not counting upsell", MetricKind.GrossRevenueRetention, "2026-07-01")]
    [InlineData("how happy are customers this quarter", MetricKind.Csat, "2026-10-01")]
    [InlineData("would customers recommend us", MetricKind.Nps, null)]
    public void Metrics_in_plain_words(string text, MetricKind metric, string? from)
    {
        var parsed = Parse(text);

        Assert.Equal(IntentKind.Metric, parsed.Intent);
        Assert.Equal(metric, parsed.Metric);
        Assert.Equal(from, parsed.PeriodText is null ? null : parsed.Period?.From.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    // q/q is last quarter against the quarter before (not month over month); y/y last year against the year before.
    [InlineData("grr q/q", MetricKind.GrossRevenueRetention, MetricComparison.PreviousQuarter, "2026-07-01", "2026-09-30")]
    [InlineData("churn m/m", MetricKind.LogoChurnRate, MetricComparison.PreviousMonth, "2026-10-01", "2026-10-31")]
    [InlineData("nrr yoy", MetricKind.NetRevenueRetention, MetricComparison.PreviousYear, "2025-01-01", "2025-12-31")]
    [InlineData("is GRR improving", MetricKind.GrossRevenueRetention, MetricComparison.PreviousPeriod, "2026-10-01", "2026-10-31")]
    [InlineData("is churn going down", MetricKind.LogoChurnRate, MetricComparison.PreviousPeriod, "2026-10-01", "2026-10-31")]
    [InlineData("nrr this quarter vs last quarter", MetricKind.NetRevenueRetention, MetricComparison.PreviousQuarter, "2026-10-01", "2026-11-26")]
    public void Metrics_compared_over_periods(string text, MetricKind metric, MetricComparison compare, string from, string to)
    {
        var parsed = Parse(text);

        Assert.Equal(IntentKind.Metric, parsed.Intent);
        Assert.Equal(metric, parsed.Metric);
        Assert.Equal(compare, parsed.Compare);
        Assert.Equal(DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture), parsed.Period?.From);
        Assert.Equal(DateOnly.Parse(to, System.Globalization.CultureInfo.InvariantCulture), parsed.Period?.To);
    }

    [Fact]
    public void A_metric_without_comparison_words_compares_nothing() =>
        Assert.Null(Parse("grr last quarter").Compare);

    [Theory]
    // A typo of a name stays whole for the name matcher, and a keyword-free mention of a name is no question.
    [InlineData("acme crop", IntentKind.AccountHealth, "acme crop")]
    [InlineData("hello there everyone", IntentKind.Unknown, null)]
    // Something other than health asked about an account is not guessed into a health answer: it is a fact, or
    // something CsBot does not do (answered with what it can), naming the account it is about.
    [InlineData("can you book a meeting with the Acme team tomorrow", IntentKind.CannotDo, "acme")]
    [InlineData("open a ticket for acme", IntentKind.CannotDo, "acme")]
    [InlineData("predict hooli's health next month", IntentKind.CannotDo, "hooli")]
    [InlineData("how many seats does hooli have", IntentKind.AccountFact, "hooli")]
    [InlineData("schedule a QBR with initech", IntentKind.CannotDo, "initech")]
    [InlineData("when you get a sec, how's hooli doing", IntentKind.AccountHealth, "hooli")]
    public void A_name_inside_other_words_needs_an_intent(string text, IntentKind intent, string? account) =>
        AssertAccount(Parse(text), intent, account);

    [Fact]
    public void The_typed_text_is_kept_as_cleaned()
    {
        var parsed = Parse("hey, whats up with AT&T?");

        Assert.Equal("hey, whats up with AT&T", parsed.Text);
    }

    private static void AssertAccount(ParsedQuestion parsed, IntentKind intent, string? account)
    {
        Assert.Equal(intent, parsed.Intent);
        Assert.Equal(account, parsed.AccountText?.ToLowerInvariant());
    }
}
