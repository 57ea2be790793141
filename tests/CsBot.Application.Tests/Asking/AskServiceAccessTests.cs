using CsBot.Application.Asking;
using CsBot.Core;
using CsBot.Core.Alerts;
using CsBot.Core.Messaging;
using CsBot.Core.Signals;

namespace CsBot.Application.Tests.Asking;

/// <summary>
/// With <c>Access:RestrictOtherBooks</c> on, what a CSM may not read they may not change, and no answer shows them
/// another CSM's numbers by a side door. On <see cref="AnswerFixture"/>: Dana owns Big Co (two open alerts), Small Co and
/// Late Payer Ltd; Marcus owns Mid Co and Calm Corp; Elena manages every account.
/// </summary>
public class AskServiceAccessTests
{
    private static readonly Asker Dana = new("U_DANA", "Dana Whitfield", "slack", "dana@csbot.example");
    private static readonly Asker Marcus = new("U_MARCUS", "Marcus Oyelaran", "slack", "marcus@csbot.example");
    private static readonly Asker Elena = new("U_ELENA", "Elena Novak", "slack", "elena@csbot.example");
    private static readonly Asker Admin = new("U_ADMIN", "Ada Admin", "teams", "ada@csbot.example");
    private static readonly string UsageCliff = Alert.KeyFor("big", "usage-cliff");
    private static readonly string RenewalAtRisk = Alert.KeyFor("big", "renewal-at-risk");

    private readonly AnswerFixture _data = new();

    public AskServiceAccessTests()
    {
        _data.Access.RestrictOtherBooks = true;
        _data.Access.Admins = ["ada@csbot.example"];
    }

    private ChatMessage Ask(string text, Asker asker) => _data.ServiceWithRealActions().Ask(text, asker);

    private static string AllText(ChatMessage m) => string.Join("\n",
        new[] { m.Title, m.FallbackText }
            .Concat(m.Sections.SelectMany(s => new[] { s.Heading, s.Text }.Concat(s.Fields.Select(f => $"{f.Label}: {f.Value}")).Concat(s.Actions.Select(a => $"{a.Label} {a.Value}"))))
            .Concat(m.Actions.Select(a => $"{a.Label} {a.Value}"))
            .Concat(m.Context)
            .Where(t => t is not null));

    private AlertState StateOf(string alertId) => _data.Stores.Get(alertId)!.State;

    [Theory]
    [InlineData("ack Big Co usage-cliff")]
    [InlineData("acknowledge the Big Co usage-cliff alert")]
    [InlineData("snooze Big Co usage-cliff for 1 day")]
    [InlineData("snooze Big Co renewal-at-risk until renewal")]
    public void A_csm_cannot_acknowledge_or_snooze_another_csms_alert_by_text(string command)
    {
        var answer = Ask(command, Marcus);

        Assert.Equal("Accounts owned by Dana Whitfield are visible to their owner and to managers only.", answer.Title);
        Assert.Equal(AlertState.Notified, StateOf(UsageCliff));
        Assert.Equal(AlertState.Notified, StateOf(RenewalAtRisk));
        Assert.Empty(_data.Stores.Get(UsageCliff)!.History);
    }

    [Fact]
    public void The_which_alert_prompt_is_not_shown_for_another_csms_account()
    {
        var answer = Ask("ack Big Co", Marcus);

        Assert.Equal("Accounts owned by Dana Whitfield are visible to their owner and to managers only.", answer.Title);
        var text = AllText(answer);
        Assert.DoesNotContain("62%", text);
        Assert.DoesNotContain("health 35", text);
        Assert.Empty(answer.Actions);
    }

    [Fact]
    public void The_which_alert_prompt_offers_only_the_askers_own_alerts()
    {
        _data.Stores.Upsert(
        [
            AnswerFixture.Alert("mid", "usage-cliff", Severity.Warning, "active users down 40% (50 -> 30) vs 28-day baseline"),
            AnswerFixture.Alert("calm", "usage-cliff", Severity.Warning, "active users down 35% (20 -> 13) vs 28-day baseline"),
        ]);

        var answer = Ask("snooze usage-cliff for 1 day", Marcus);

        Assert.Equal("Which alert did you mean?", answer.Title);
        Assert.Equal([Alert.KeyFor("calm", "usage-cliff"), Alert.KeyFor("mid", "usage-cliff")], answer.Actions.Select(a => a.Value).Order());
        var text = AllText(answer);
        Assert.DoesNotContain("Big Co", text);
        Assert.DoesNotContain("62%", text);
        Assert.Equal(AlertState.Notified, StateOf(UsageCliff));
    }

    [Fact]
    public void A_rule_named_alone_never_reaches_another_csms_alert()
    {
        var answer = Ask("ack usage-cliff", Marcus);

        Assert.Equal("I found no open alert matching \"usage-cliff\".", answer.Title);
        Assert.Equal(AlertState.Notified, StateOf(UsageCliff));
    }

    [Fact]
    public void Did_you_mean_offers_only_accounts_the_asker_may_open()
    {
        AddAcmes();

        var answer = Ask("health of Acme", Marcus);

        Assert.Equal("Which account did you mean?", answer.Title);
        Assert.Equal(["Acme Labs", "Acme Works"], answer.Actions.Select(a => a.Label));
        Assert.DoesNotContain("Acme Corp", AllText(answer));
        Assert.Contains("2 accounts", answer.Sections[0].Text);
    }

    [Fact]
    public void A_name_that_fits_one_account_the_asker_may_open_answers_it()
    {
        AddAcmes();

        Assert.StartsWith("Acme Corp: health", Ask("health of Acme", Dana).Title);
    }

    [Fact]
    public void Suggestions_for_an_unknown_name_come_from_the_askers_book_only()
    {
        var answer = Ask("health of Smal Cop Industries", Marcus);

        Assert.StartsWith("I couldn't find an account called", answer.Title);
        Assert.DoesNotContain("Small Co", AllText(answer));
        Assert.DoesNotContain("Big Co", AllText(answer));
        Assert.DoesNotContain("Late Payer", AllText(answer));
    }

    [Fact]
    public void The_renewal_rate_leaves_out_the_mrr_up_for_renewal_for_whoever_may_not_see_revenue()
    {
        _data.Access.RestrictRevenueMetrics = true;
        var mid = _data.Stores.LoadSignals("mid")!;
        _data.Stores.Save([mid with { RenewalOutcomes = [new RenewalOutcome("r1", "mid", new(2026, 8, 20), RenewalResult.Renewed, 16_000m, 14_000m)] }]);

        var csm = Ask("renewal rate last quarter", Marcus);
        var manager = Ask("renewal rate last quarter", Elena);
        var managerInChannel = Ask("renewal rate last quarter", Elena with { ChannelId = "C_CS" });

        Assert.Equal("Renewal rate last quarter: 100.0%", csm.Title);
        Assert.DoesNotContain("MRR", AllText(csm));
        Assert.DoesNotContain("$16", AllText(csm));
        Assert.Contains("Revenue figures are left out: only managers can see them here.", csm.Context);
        Assert.DoesNotContain("$16", AllText(managerInChannel));
        Assert.Contains(new MessageField("MRR up for renewal", "$16k"), manager.Sections[0].Fields);
        Assert.DoesNotContain(manager.Context, c => c.Contains("left out", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("at-risk accounts", "at-risk accounts")]
    [InlineData("poor health accounts", "accounts with Poor health")]
    [InlineData("renewals in the next 60 days", "renewals")]
    [InlineData("accounts with overdue invoices", "overdue invoices")]
    public void A_csm_who_owns_no_account_is_told_why_the_list_is_empty(string question, string listed)
    {
        var answer = Ask(question, new Asker("U_NEW", "Noor New", "slack", "noor@csbot.example"));

        Assert.Equal($"You don't own any accounts (as noor@csbot.example), so there are no {listed} in your book", answer.Title);
        Assert.Contains("ask whoever keeps the CRM to set you as their owner", answer.Sections[0].Text);
        Assert.Contains("managers see every book", answer.Sections[0].Text);
    }

    [Fact]
    public void A_csm_without_an_email_is_told_which_identity_owns_nothing()
    {
        var answer = Ask("at-risk accounts", new Asker("29:someone", "Sam Someone", "teams"));

        Assert.StartsWith("You don't own any accounts (as Sam Someone on teams, with no email I can match)", answer.Title);
        Assert.Contains("your teams profile shows the same email", answer.Sections[0].Text);
    }

    [Fact]
    public void The_owner_acts_on_their_own_alerts()
    {
        Assert.Equal("Acknowledged: Big Co (Usage cliff)", Ask("ack Big Co usage-cliff", Dana).Title);
        Assert.Equal(AlertState.Acknowledged, StateOf(UsageCliff));
    }

    [Fact]
    public void Managers_and_admins_keep_their_rights_over_every_book()
    {
        AddAcmes();

        Assert.Equal("Which alert did you mean?", Ask("ack Big Co", Elena).Title);
        Assert.Equal("Acknowledged: Big Co (Usage cliff)", Ask("ack Big Co usage-cliff", Elena).Title);
        Assert.StartsWith("Snoozed: Big Co (Renewal at risk)", Ask("snooze Big Co renewal-at-risk for 1 day", Admin).Title);
        Assert.Equal((AlertState.Acknowledged, AlertState.Snoozed), (StateOf(UsageCliff), StateOf(RenewalAtRisk)));
        Assert.Equal(["Acme Corp", "Acme Labs", "Acme Works"], Ask("health of Acme", Admin).Actions.Select(a => a.Label));
        Assert.Equal("1 account at risk", Ask("at-risk accounts", Elena).Title);
    }

    [Fact]
    public void Without_the_restriction_every_csm_acts_on_every_alert_as_before()
    {
        _data.Access.RestrictOtherBooks = false;

        Assert.Equal("Acknowledged: Big Co (Usage cliff)", Ask("ack Big Co usage-cliff", Marcus).Title);
        Assert.Equal("1 account at risk", Ask("at-risk accounts", new Asker("U_NEW", "Noor New", "slack", "noor@csbot.example")).Title);
    }

    private void AddAcmes()
    {
        var calm = _data.Stores.LoadSignals("calm")!;
        _data.Stores.Save(
        [
            calm with { Account = calm.Account with { Id = "acme-corp", ExternalId = "CRM-acme-corp", Name = "Acme Corp", Owner = AnswerFixture.Dana } },
            calm with { Account = calm.Account with { Id = "acme-labs", ExternalId = "CRM-acme-labs", Name = "Acme Labs", Owner = AnswerFixture.Marcus } },
            calm with { Account = calm.Account with { Id = "acme-works", ExternalId = "CRM-acme-works", Name = "Acme Works", Owner = AnswerFixture.Marcus } },
        ]);
    }
}
