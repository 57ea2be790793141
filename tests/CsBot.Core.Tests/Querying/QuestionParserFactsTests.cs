using CsBot.Core.Metrics;
using CsBot.Core.Querying;

namespace CsBot.Core.Tests.Querying;

/// <summary>
/// One account's facts, which way its health is going, and requests CsBot does not do, with the portfolio's names
/// known as in chat; and the near misses that must keep the meaning they had.
/// </summary>
public class QuestionParserFactsTests
{
    private static readonly DateOnly Today = new(2026, 11, 26);

    private static readonly KnownNames Names = new(
        ["Hooli", "Globex", "Initech", "Initrode", "Umbrella Health", "Stark Industries", "Stark Logistics", "Pied Piper",
         "Vandelay Imports", "Cyberdyne Systems", "Soylent Foods", "Acme Corp", "Acme Labs", "Wayne Analytics", "Wayne Enterprises"]);

    private static ParsedQuestion Parse(string text) => QuestionParser.Parse(text, Today, null, Names);

    [Theory]
    [InlineData("when is hooli up for renewal", AccountFactKind.RenewalDate, "hooli")]
    [InlineData("when does globex renew?", AccountFactKind.RenewalDate, "globex")]
    [InlineData("initech renewal date", AccountFactKind.RenewalDate, "initech")]
    [InlineData("whens hoolis renewal", AccountFactKind.RenewalDate, "hooli")]
    [InlineData("renewal date for pied piper", AccountFactKind.RenewalDate, "pied piper")]
    [InlineData("who owns initrode", AccountFactKind.Owner, "initrode")]
    [InlineData("whos the owner of stark logistics", AccountFactKind.Owner, "stark logistics")]
    [InlineData("who is the csm for umbrella", AccountFactKind.Owner, "umbrella")]
    [InlineData("who's globex's csm", AccountFactKind.Owner, "globex")]
    [InlineData("what's acme corp's ARR", AccountFactKind.Arr, "acme corp")]
    [InlineData("arr for soylent foods", AccountFactKind.Arr, "soylent foods")]
    [InlineData("hooli arr", AccountFactKind.Arr, "hooli")]
    [InlineData("mrr of pied piper", AccountFactKind.Mrr, "pied piper")]
    [InlineData("how much mrr does initech have", AccountFactKind.Mrr, "initech")]
    [InlineData("how many seats does hooli have", AccountFactKind.Seats, "hooli")]
    [InlineData("which segment is cyberdyne in", AccountFactKind.Segment, "cyberdyne")]
    [InlineData("what plan is vandelay on", AccountFactKind.Plan, "vandelay")]
    [InlineData("when did someone at vandelay last log in", AccountFactKind.LastLogin, "vandelay")]
    [InlineData("hooli last login", AccountFactKind.LastLogin, "hooli")]
    [InlineData("how many open tickets does wayne analytics have", AccountFactKind.OpenTickets, "wayne analytics")]
    [InlineData("open tickets for hooli", AccountFactKind.OpenTickets, "hooli")]
    [InlineData("hey csbot, quick q: who owns initrode?", AccountFactKind.Owner, "initrode")]
    public void One_fact_of_one_account(string text, AccountFactKind fact, string account)
    {
        var parsed = Parse(text);

        Assert.Equal(IntentKind.AccountFact, parsed.Intent);
        Assert.Equal(fact, parsed.Fact);
        Assert.Equal(account, parsed.AccountText?.ToLowerInvariant());
    }

    [Theory]
    [InlineData("is hooli trending up?", "hooli")]
    [InlineData("is initech getting worse", "initech")]
    [InlineData("is globex improving", "globex")]
    [InlineData("acme labs health trend", "acme labs")]
    [InlineData("hoolis score trend", "hooli")]
    [InlineData("health trend for pied piper", "pied piper")]
    public void Which_way_an_account_is_going(string text, string account)
    {
        var parsed = Parse(text);

        Assert.Equal(IntentKind.AccountTrend, parsed.Intent);
        Assert.Equal(account, parsed.AccountText?.ToLowerInvariant());
        Assert.Null(parsed.PeriodText);
    }

    [Fact]
    public void A_trend_over_a_named_period_carries_it()
    {
        var parsed = Parse("how has globex's health changed over the last month");

        Assert.Equal(IntentKind.AccountTrend, parsed.Intent);
        Assert.Equal("globex", parsed.AccountText);
        Assert.Equal(new DateRange(new(2026, 10, 1), new(2026, 10, 31)), parsed.Period);
    }

    [Theory]
    [InlineData("open a ticket for acme", UnsupportedRequest.Action, "acme")]
    [InlineData("draft an email to hooli", UnsupportedRequest.Action, "hooli")]
    [InlineData("schedule a QBR with initech", UnsupportedRequest.Action, "initech")]
    [InlineData("update hooli's renewal date to march", UnsupportedRequest.Action, "hooli")]
    [InlineData("send the at risk list to my manager", UnsupportedRequest.Action, null)]
    [InlineData("create a task to call umbrella", UnsupportedRequest.Action, "umbrella")]
    [InlineData("log a call with pied piper", UnsupportedRequest.Action, "pied piper")]
    [InlineData("who is the contact at globex", UnsupportedRequest.ContactDetails, "globex")]
    [InlineData("what's the phone number for stark industries", UnsupportedRequest.ContactDetails, "stark industries")]
    [InlineData("predict hooli's health next month", UnsupportedRequest.Forecast, "hooli")]
    [InlineData("will initech renew?", UnsupportedRequest.Forecast, "initech")]
    [InlineData("what will nrr be next quarter", UnsupportedRequest.Forecast, null)]
    [InlineData("forecast churn for 2027", UnsupportedRequest.Forecast, null)]
    [InlineData("projected grr for q1", UnsupportedRequest.Forecast, null)]
    public void Requests_csbot_does_not_do_are_never_guessed_into_another_intent(string text, UnsupportedRequest kind, string? account)
    {
        var parsed = Parse(text);

        Assert.Equal(IntentKind.CannotDo, parsed.Intent);
        Assert.Equal(kind, parsed.Unsupported);
        Assert.Equal(account, parsed.AccountText?.ToLowerInvariant());
    }

    [Theory]
    [InlineData("what will nrr be next quarter", MetricKind.NetRevenueRetention)]
    [InlineData("forecast churn for 2027", MetricKind.LogoChurnRate)]
    [InlineData("projected grr for q1", MetricKind.GrossRevenueRetention)]
    public void A_forecast_of_a_metric_names_the_metric(string text, MetricKind metric) =>
        Assert.Equal(metric, Parse(text).Metric);

    [Theory]
    [InlineData("renewals next quarter", IntentKind.Renewals)]
    [InlineData("/cs renewals 60", IntentKind.Renewals)]
    [InlineData("enterprise renewals", IntentKind.Renewals)]
    [InlineData("upcoming renewals", IntentKind.Renewals)]
    [InlineData("ack Initech usage-cliff", IntentKind.Acknowledge)]
    [InlineData("snooze Hooli for a week", IntentKind.Snooze)]
    [InlineData("any updates on acme corp", IntentKind.AccountHealth)]
    [InlineData("update on hooli", IntentKind.AccountHealth)]
    [InlineData("send me the at risk list", IntentKind.AtRiskList)]
    [InlineData("accounts that will churn", IntentKind.AtRiskList)]
    [InlineData("send the weekly digest to this channel", IntentKind.Subscribe)]
    [InlineData("remind me tomorrow", IntentKind.Unknown)]
    [InlineData("mrr churn last quarter", IntentKind.Metric)]
    [InlineData("is GRR improving", IntentKind.Metric)]
    [InlineData("is churn going down", IntentKind.Metric)]
    [InlineData("top movers this week", IntentKind.TopMovers)]
    [InlineData("is hooli at risk", IntentKind.AccountHealth)]
    [InlineData("Good morning! Could you please share who the top movers are this week?", IntentKind.TopMovers)]
    [InlineData("I have a call with Vandelay in 10 min, how are they looking", IntentKind.AccountHealth)]
    [InlineData("when is the next renewal", IntentKind.Renewals)]
    [InlineData("renewal outlook for q1", IntentKind.Renewals)]
    [InlineData("how is hooli doing", IntentKind.AccountHealth)]
    [InlineData("open tickets for hooli", IntentKind.AccountFact)]
    public void Near_misses_keep_their_meaning(string text, IntentKind intent) =>
        Assert.Equal(intent, Parse(text).Intent);

    [Theory]
    [InlineData("who owns it")]
    [InlineData("arr for enterprise")]
    [InlineData("our arr")]
    [InlineData("next quarter renewal date")]
    [InlineData("who owns the most at risk accounts")]
    [InlineData("who owns the most accounts")]
    [InlineData("total arr")]
    public void Words_that_are_no_account_make_no_fact(string text) =>
        Assert.NotEqual(IntentKind.AccountFact, Parse(text).Intent);

    [Theory]
    [InlineData("accounts with no contact in 30 days")]
    [InlineData("update me on hooli")]
    [InlineData("log in problems at hooli")]
    public void Words_shared_with_requests_csbot_does_not_do_are_not_enough(string text) =>
        Assert.NotEqual(IntentKind.CannotDo, Parse(text).Intent);
}
