using CsBot.Application.Asking;
using CsBot.Core.Digest;
using CsBot.Core.Messaging;
using NSubstitute;

namespace CsBot.Application.Tests.Asking;

public class AskServiceAnswerTests
{
    private readonly AnswerFixture _data = new();
    private static readonly Asker Local = Asker.Local();
    private static readonly Asker Dana = new("U_DANA", "Dana Whitfield", "slack", "dana@csbot.example");
    private static readonly Asker Marcus = new("U_MARCUS", "Marcus Oyelaran", "slack", "marcus@csbot.example");
    private static readonly Asker ElenaDirect = new("U_ELENA", "Elena Novak", "slack", "elena@csbot.example");
    private static readonly Asker ElenaInChannel = ElenaDirect with { ChannelId = "C_CS" };

    private ChatMessage Ask(string text, Asker? asker = null) => _data.Service().Ask(text, asker ?? Local);

    private static string AllText(ChatMessage m) => string.Join("\n",
        new[] { m.Title }.Concat(m.Sections.SelectMany(s => new[] { s.Heading, s.Text }.Concat(s.Fields.Select(f => $"{f.Label}: {f.Value}")))).Concat(m.Context).Where(t => t is not null));

    [Fact]
    public void Nrr_last_quarter_gives_the_value_the_formula_inputs_and_the_change()
    {
        // Start of Q3 2026: 1,000,000 + 188,000 + 12,000 + 2,000 + 5,000 = 1,207,000 MRR.
        // (1,207,000 + 80,000 - 20,000 - 12,000) / 1,207,000 = 103.98% -> 104.0%; Q2 had no movements -> 100.0%.
        var answer = Ask("what was NRR last quarter?");

        Assert.Equal("NRR last quarter: 104.0%", answer.Title);
        Assert.Equal("NRR = (start $1.21M + expansion $80k - contraction $20k - churn $12k) / $1.21M", answer.Sections[0].Text);
        var fields = answer.Sections[0].Fields.ToDictionary(f => f.Label, f => f.Value);
        Assert.Equal("100.0% (Q2 2026)", fields["Previous period"]);
        Assert.Equal("+4.0 pts", fields["Change"]);
        Assert.Contains("Q3 2026", answer.Context.Last());
    }

    [Fact]
    public void Nrr_quarter_over_quarter_is_last_quarter_against_the_quarter_before()
    {
        var answer = Ask("nrr q/q");

        Assert.Equal("NRR last quarter: 104.0%", answer.Title);
        Assert.Equal("100.0% (Q2 2026)", answer.Sections[0].Fields.Single(f => f.Label == "Previous period").Value);
    }

    [Fact]
    public void A_chatty_question_about_an_account_named_in_passing_gets_its_health()
    {
        var answer = Ask("hey, I have a call with big co in 10 min, how are they looking?");

        Assert.StartsWith("Big Co", answer.Title);
    }

    [Fact]
    public void A_metric_for_a_segment_only_counts_that_segment()
    {
        // Enterprise: Big Co 1,000,000 + Calm Corp 5,000 at start, no contraction or churn -> GRR 100.0% (NRR would be 108.0%).
        var answer = Ask("GRR for Enterprise last quarter");

        Assert.Equal("GRR for Enterprise last quarter: 100.0%", answer.Title);
    }

    [Fact]
    public void Renewals_in_the_next_60_days_list_each_with_arr_and_band_and_total_arr()
    {
        var answer = Ask("renewals in the next 60 days");

        Assert.StartsWith("2 renewals", answer.Title);
        Assert.EndsWith("$14.98M ARR", answer.Title); // 12,960,000 + 2,016,000
        Assert.Equal(["Big Co renews 2026-12-16 (in 20 days, auto-renews)", "Mid Co renews 2027-01-15 (in 50 days, auto-renews)"], answer.Sections.Select(s => s.Heading));
        Assert.Contains(new MessageField("Health", "35 (Poor)"), answer.Sections[0].Fields);
    }

    [Fact]
    public void At_risk_for_dana_lists_her_alerted_accounts_most_severe_reason_first()
    {
        var answer = Ask("at risk for Dana");

        Assert.Equal("1 account at risk for Dana Whitfield", answer.Title);
        var section = Assert.Single(answer.Sections);
        Assert.Equal("Big Co: health 35 (Poor)", section.Heading);
        Assert.StartsWith("[Critical] renews on 2026-12-16", section.Text);
        Assert.Contains("[High] active users down 62% (48 -> 18)", section.Text);
    }

    [Fact]
    public void Poor_health_in_a_segment_filters_by_band_and_segment()
    {
        var answer = Ask("poor health in Enterprise");

        Assert.Equal("1 account Poor health in Enterprise", answer.Title);
    }

    [Fact]
    public void My_accounts_resolve_the_asker_from_their_chat_email()
    {
        var answer = Ask("my accounts", Dana);

        Assert.Equal("Your accounts: 2 accounts", answer.Title);
        Assert.Equal(["Big Co: health 35 (Poor)", "Late Payer Ltd: health 62 (Average)"], answer.Sections.Select(s => s.Heading));
    }

    [Fact]
    public void Without_an_email_the_asker_is_known_by_their_chat_id_on_the_same_platform_only()
    {
        Assert.Equal("Your accounts: 2 accounts", Ask("my accounts", new Asker("U_DANA", "Dana", "slack")).Title);
        Assert.Contains("isn't linked to a CSM", Ask("my accounts", new Asker("U_DANA", "Dana", "teams")).Title);
    }

    [Fact]
    public void An_owner_named_by_email_is_found()
    {
        Assert.Equal("1 account at risk for Dana Whitfield", Ask("at risk for dana@csbot.example").Title);
    }

    [Fact]
    public void My_accounts_from_someone_who_owns_none_says_why()
    {
        var answer = Ask("my accounts", new Asker("U_X", "Visitor", "slack", "visitor@csbot.example"));

        Assert.Contains("isn't linked to a CSM", answer.Title);
    }

    [Fact]
    public void Overdue_invoices_show_days_overdue_and_amount()
    {
        var answer = Ask("accounts with overdue invoices");

        Assert.Equal("1 overdue invoice, $6,000 outstanding", answer.Title);
        Assert.Equal("invoice INV-9 ($6,000) due 2026-10-01 is 56 days overdue", answer.Sections[0].Text);
    }

    [Fact]
    public void Top_movers_this_week_compare_with_the_score_on_monday()
    {
        var answer = Ask("top movers this week");

        Assert.Equal(["Big Co: -15 to 35 (Poor)", "Mid Co: +5 to 55 (Average)"], answer.Sections.Select(s => s.Heading));
    }

    [Fact]
    public void Revenue_metrics_can_be_limited_to_managers_and_never_shown_to_a_channel()
    {
        _data.Access.RestrictRevenueMetrics = true;

        Assert.Contains("only managers", Ask("NRR last quarter", Marcus).Title);
        Assert.Contains("direct message", Ask("NRR last quarter", ElenaInChannel).Title);
        Assert.StartsWith("NRR last quarter: 104.0%", Ask("NRR last quarter", ElenaDirect).Title);
        Assert.StartsWith("NPS", Ask("NPS last quarter", Marcus).Title);
    }

    [Fact]
    public void Other_csms_books_can_be_limited_to_managers()
    {
        _data.Access.RestrictOtherBooks = true;

        Assert.Equal("Accounts owned by Dana Whitfield are visible to their owner and to managers only.", Ask("at risk for Dana", Marcus).Title);
        Assert.Equal("Accounts owned by Dana Whitfield are visible to their owner and to managers only.", Ask("health of Big Co", Marcus).Title);
        Assert.Equal("1 account at risk for Dana Whitfield", Ask("at risk for Dana", ElenaDirect).Title);
        Assert.Equal("No accounts at risk", Ask("at-risk accounts", Marcus).Title);
    }

    [Fact]
    public void Acknowledging_by_name_and_rule_applies_the_same_action_as_the_button()
    {
        var reply = new ChatMessage { Title = "Acknowledged" };
        _data.Actions.Apply(ActionKind.Acknowledge, "big:usage-cliff", Dana).Returns(new CsBot.Application.Alerts.AlertActionOutcome(true, reply, null, null));

        var answer = Ask("ack Big Co usage-cliff", Dana);

        Assert.Same(reply, answer);
    }

    [Theory]
    [InlineData("ack Big Co usage cliff")]
    [InlineData("ack big co usage-clif")]
    [InlineData("ack the usage cliff alert on Big Co")]
    public void Acknowledging_names_the_rule_in_words_or_with_a_typo_as_well_as_by_id(string typed)
    {
        var reply = new ChatMessage { Title = "Acknowledged" };
        _data.Actions.Apply(ActionKind.Acknowledge, "big:usage-cliff", Dana).Returns(new CsBot.Application.Alerts.AlertActionOutcome(true, reply, null, null));

        var answer = Ask(typed, Dana);

        Assert.Same(reply, answer);
    }

    [Fact]
    public void Acknowledging_an_account_with_several_alerts_asks_which_with_a_button_each()
    {
        var answer = Ask("acknowledge Big Co", Dana);

        Assert.Equal("Which alert did you mean?", answer.Title);
        Assert.Equal(["big:renewal-at-risk", "big:usage-cliff"], answer.Actions.Select(a => a.Value));
        Assert.All(answer.Actions, a => Assert.Equal(ActionKind.Acknowledge, a.Kind));
        _data.Actions.DidNotReceiveWithAnyArgs().Apply(default, default!, default!);
    }

    [Fact]
    public void An_unknown_segment_or_owner_lists_the_real_ones()
    {
        Assert.Contains("Enterprise, Mid-Market, SMB", AllText(Ask("at-risk accounts in Public Sector")));
        Assert.Contains("Dana Whitfield, Marcus Oyelaran", AllText(Ask("at risk for Zed")));
    }

    [Fact]
    public void Something_not_understood_gets_examples_never_silence()
    {
        var answer = Ask("tell me a joke please");

        Assert.StartsWith("I didn't understand", answer.Title);
        Assert.NotEmpty(answer.Actions);
    }

    [Fact]
    public void Subscribing_from_a_channel_stores_it_on_the_default_schedule_and_unsubscribe_removes_it()
    {
        var inChannel = Dana with { ChannelId = "C0CSTEAM" };

        var subscribed = Ask("subscribe this channel to the weekly digest", inChannel);

        Assert.Equal("This channel is subscribed to the weekly digest", subscribed.Title);
        var stored = Assert.Single(_data.Subscriptions.GetAll());
        // No schedule of its own: the scheduler's default (Mondays 09:00), which the reply promises.
        Assert.Equal(new DigestSubscription("C0CSTEAM", "UTC"), stored);
        Assert.Contains("Every Monday at 09:00 (UTC)", AllText(subscribed));

        Assert.Equal("This channel will no longer get the weekly digest", Ask("unsubscribe", inChannel).Title);
        Assert.Empty(_data.Subscriptions.GetAll());
        Assert.Equal("This channel is not subscribed to the weekly digest.", Ask("unsubscribe", inChannel).Title);
    }

    [Fact]
    public void Signing_up_again_for_a_segment_keeps_the_channels_own_time_and_zone()
    {
        _data.Subscriptions.Upsert(new DigestSubscription("C0EMEA", "Europe/Berlin", Schedule: "0 30 7 ? * TUE"));

        Ask("subscribe this channel to the weekly digest for Enterprise", Dana with { ChannelId = "C0EMEA" });

        Assert.Equal(new DigestSubscription("C0EMEA", "Europe/Berlin", "Enterprise", "0 30 7 ? * TUE"), Assert.Single(_data.Subscriptions.GetAll()));
    }

    [Fact]
    public void Subscribing_from_a_direct_conversation_says_where_to_ask_instead()
    {
        var answer = Ask("subscribe this channel to the weekly digest", Dana);

        Assert.Contains("Ask me in the channel", answer.Title);
        Assert.Empty(_data.Subscriptions.GetAll());
    }

    [Theory]
    [InlineData("asdkjh qwe")]
    [InlineData("qwertyuiop")]
    [InlineData("jjjjjj")]
    public void Keyboard_mashing_gets_the_help_examples_not_unrelated_account_names(string text)
    {
        var answer = Ask(text);

        Assert.StartsWith("I didn't understand", answer.Title);
        Assert.DoesNotContain("Closest", AllText(answer));
    }

    [Fact]
    public void A_bare_mistyped_name_still_answers_about_that_account_and_an_unknown_named_one_still_gets_suggestions()
    {
        var typo = Ask("calm corpp");
        var named = Ask("health of calm incorporated");

        Assert.StartsWith("Calm Corp", typo.Title);
        Assert.DoesNotContain("I didn't understand", named.Title);
        Assert.Contains("Calm Corp", AllText(named));
    }
}
