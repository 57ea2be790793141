using CsBot.Core.Metrics;
using CsBot.Core.Querying;

namespace CsBot.Core.Tests.Querying;

/// <summary>Lists by signal and alert commands for all of an account's alerts, and the near misses that keep their meaning.</summary>
public class SignalListParserTests
{
    private static readonly DateOnly Today = new(2026, 11, 26);

    private static ParsedQuestion Parse(string text) => QuestionParser.Parse(text, Today);

    [Theory]
    [InlineData("accounts with open critical tickets", ListSignal.CriticalTickets)]
    [InlineData("critical tickets in enterprise", ListSignal.CriticalTickets)]
    [InlineData("anyone with sev1 tickets", ListSignal.CriticalTickets)]
    [InlineData("accounts with no logins in two weeks", ListSignal.NoLogin)]
    [InlineData("accounts nobody has logged into", ListSignal.NoLogin)]
    [InlineData("who hasn't logged in", ListSignal.NoLogin)]
    [InlineData("dormant accounts", ListSignal.NoLogin)]
    [InlineData("detractors this month", ListSignal.NpsDetractor)]
    [InlineData("customers who gave us a bad nps", ListSignal.NpsDetractor)]
    [InlineData("nps detractors", ListSignal.NpsDetractor)]
    [InlineData("which accounts have low seat utilisation", ListSignal.LowSeatUtilization)]
    [InlineData("accounts with unused seats", ListSignal.LowSeatUtilization)]
    [InlineData("underutilized accounts", ListSignal.LowSeatUtilization)]
    [InlineData("usage cliffs", ListSignal.UsageCliff)]
    [InlineData("accounts with a usage cliff", ListSignal.UsageCliff)]
    [InlineData("accounts where usage dropped off a cliff", ListSignal.UsageCliff)]
    [InlineData("who contracted in the last 30 days", ListSignal.Contraction)]
    [InlineData("accounts that downgraded", ListSignal.Contraction)]
    [InlineData("renewals at risk", ListSignal.RenewalAtRisk)]
    [InlineData("at-risk renewals next quarter", ListSignal.RenewalAtRisk)]
    [InlineData("hey, any usage cliffs in SMB?", ListSignal.UsageCliff)]
    [InlineData("show me accounts with critical tickets for Dana", ListSignal.CriticalTickets)]
    [InlineData("do we have any detractors", ListSignal.NpsDetractor)]
    [InlineData("which customers have stopped logging in", ListSignal.NoLogin)]
    public void A_list_by_signal_names_the_signal(string text, ListSignal signal)
    {
        var q = Parse(text);

        Assert.Equal(IntentKind.SignalList, q.Intent);
        Assert.Equal(signal, q.Signal);
        Assert.Null(q.AccountText);
    }

    [Theory]
    [InlineData("detracters this month", ListSignal.NpsDetractor)]
    [InlineData("low seat utilsation", ListSignal.LowSeatUtilization)]
    [InlineData("usage clifs", ListSignal.UsageCliff)]
    [InlineData("accounts with open critcal tickets", ListSignal.CriticalTickets)]
    public void A_mistyped_signal_word_is_read_as_the_word(string text, ListSignal signal)
    {
        var q = Parse(text);

        Assert.Equal(IntentKind.SignalList, q.Intent);
        Assert.Equal(signal, q.Signal);
    }

    [Fact]
    public void Detractors_and_contraction_take_a_past_period_and_renewals_at_risk_a_future_one()
    {
        Assert.Equal(new DateRange(new(2026, 11, 1), Today), Parse("detractors this month").Period);
        Assert.Equal("this month", Parse("detractors this month").PeriodText);
        Assert.Equal(new DateRange(new(2026, 10, 28), Today), Parse("who contracted in the last 30 days").Period);
        Assert.Equal(new DateRange(new(2027, 1, 1), new(2027, 3, 31)), Parse("renewals at risk next quarter").Period);
    }

    [Fact]
    public void A_signal_that_is_todays_state_takes_no_period_from_its_wording()
    {
        var q = Parse("accounts with no logins in two weeks");

        Assert.Null(q.Period);
        Assert.Null(q.PeriodText);
        Assert.Null(q.Segment);
        Assert.Null(q.OwnerText);
    }

    [Fact]
    public void Lists_by_signal_carry_segment_owner_and_mine()
    {
        Assert.Equal("enterprise", Parse("critical tickets in enterprise").Segment);
        Assert.True(Parse("which of my accounts have critical tickets").Mine);
        Assert.Equal("Dana", Parse("usage cliffs for Dana").OwnerText);
    }

    [Theory]
    [InlineData("who has overdue invoices", false)]
    [InlineData("who is paying late", false)]
    [InlineData("which of my accounts have overdue invoices", true)]
    public void Overdue_invoices_stay_their_own_list_and_carry_the_signal(string text, bool mine)
    {
        var q = Parse(text);

        Assert.Equal(IntentKind.OverdueInvoices, q.Intent);
        Assert.Equal(ListSignal.OverdueInvoices, q.Signal);
        Assert.Equal(mine, q.Mine);
    }

    [Theory]
    [InlineData("nps last quarter", IntentKind.Metric)]
    [InlineData("what was nps in october", IntentKind.Metric)]
    [InlineData("renewals next quarter", IntentKind.Renewals)]
    [InlineData("contracts ending next month", IntentKind.Renewals)]
    [InlineData("at risk accounts", IntentKind.AtRiskList)]
    [InlineData("critical accounts", IntentKind.AtRiskList)]
    [InlineData("biggest drops this week", IntentKind.TopMovers)]
    [InlineData("why is Initech at risk", IntentKind.Why)]
    public void Near_misses_keep_their_meaning(string text, IntentKind intent)
    {
        var q = Parse(text);

        Assert.Equal(intent, q.Intent);
        Assert.Null(q.Signal);
    }

    [Theory]
    [InlineData("is Hooli's renewal at risk")]
    [InlineData("does hooli have a detractor")]
    [InlineData("acknowlege Initech usage-cliff")]
    [InlineData("snoze Hooli nps-detractor for a week")]
    public void One_accounts_question_or_alert_is_not_a_list(string text)
    {
        var q = Parse(text);

        Assert.NotEqual(IntentKind.SignalList, q.Intent);
    }

    [Theory]
    [InlineData("ack every hooli alert", IntentKind.Acknowledge, "hooli", null)]
    [InlineData("acknowledge all vandelay alerts", IntentKind.Acknowledge, "vandelay", null)]
    [InlineData("ack all of wayne analytics alerts", IntentKind.Acknowledge, "wayne analytics", null)]
    [InlineData("ack all alerts for pied piper", IntentKind.Acknowledge, "pied piper", null)]
    [InlineData("snooze all of initech's alerts for a day", IntentKind.Snooze, "initech", "1d")]
    [InlineData("snooze every alert for umbrella for a week", IntentKind.Snooze, "umbrella", "7d")]
    [InlineData("mute all soylent foods alerts until renewal", IntentKind.Snooze, "soylent foods", "until renewal")]
    [InlineData("snooze all acme labs alerts 7 days", IntentKind.Snooze, "acme labs", "7d")]
    public void All_of_an_accounts_alerts_names_the_account(string text, IntentKind intent, string account, string? snooze)
    {
        var q = Parse(text);

        Assert.Equal(intent, q.Intent);
        Assert.True(q.AllAlerts);
        Assert.Equal(account, q.AlertText);
        Assert.Equal(snooze, q.Snooze?.ToString());
    }

    [Theory]
    [InlineData("ack Initech usage-cliff", "Initech usage-cliff")]
    [InlineData("snooze the Hooli alert for a week", "Hooli")]
    [InlineData("ack Allied Tools", "Allied Tools")]
    public void One_alert_stays_one_alert(string text, string alert)
    {
        var q = Parse(text);

        Assert.False(q.AllAlerts);
        Assert.Equal(alert, q.AlertText);
    }

    [Fact]
    public void All_alerts_without_an_account_leaves_the_account_to_ask_for()
    {
        var q = Parse("ack all");

        Assert.Equal(IntentKind.Acknowledge, q.Intent);
        Assert.True(q.AllAlerts);
        Assert.Null(q.AlertText);
    }
}
