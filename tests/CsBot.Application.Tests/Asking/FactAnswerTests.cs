using CsBot.Application.Asking;
using CsBot.Core.Accounts;
using CsBot.Core.Messaging;
using CsBot.Core.Querying;
using CsBot.Core.Scoring;
using CsBot.Core.Signals;

namespace CsBot.Application.Tests.Asking;

/// <summary>
/// One account's facts and its health trend, as the asker reads them, on <see cref="AnswerFixture"/> plus Usage Co: 100
/// seats on the Growth plan, 80 daily users until 2026-11-15 and 20 after, no login on 2026-11-25, a critical ticket
/// open since 2026-11-06 and a low one since 2026-11-16.
/// </summary>
public class FactAnswerTests
{
    private static readonly Asker Local = Asker.Local();
    private static readonly Asker Marcus = new("U_MARCUS", "Marcus Oyelaran", "slack", "marcus@csbot.example");
    private static readonly Asker ElenaDirect = new("U_ELENA", "Elena Novak", "slack", "elena@csbot.example");
    private static readonly Asker ElenaInChannel = ElenaDirect with { ChannelId = "C_CS" };

    private readonly AnswerFixture _data = new();

    public FactAnswerTests()
    {
        var usage = new List<UsageDay>();
        for (var day = new DateOnly(2026, 9, 1); day <= new DateOnly(2026, 11, 25); day = day.AddDays(1))
        {
            var active = day <= new DateOnly(2026, 11, 15) ? 80 : 20;
            usage.Add(new UsageDay(day, active, active, 100, day == new DateOnly(2026, 11, 25) ? 0 : active * 2, active));
        }
        _data.Stores.Save(
        [
            new AccountSignals
            {
                Account = new Account
                {
                    Id = "usage", ExternalId = "CRM-usage", Name = "Usage Co", Segment = "Mid-Market", Plan = "Growth", Owner = AnswerFixture.Dana,
                    Mrr = 4_200m, StartDate = new(2025, 1, 1), RenewalDate = new(2027, 3, 14),
                },
                Usage = [.. usage],
                Tickets =
                [
                    new SupportTicket("T1", "usage", TicketSeverity.Critical, new(2026, 11, 6, 9, 0, 0, TimeSpan.Zero)),
                    new SupportTicket("T2", "usage", TicketSeverity.Low, new(2026, 11, 16, 9, 0, 0, TimeSpan.Zero)),
                    new SupportTicket("T3", "usage", TicketSeverity.High, new(2026, 10, 1, 9, 0, 0, TimeSpan.Zero), new(2026, 10, 3, 9, 0, 0, TimeSpan.Zero)),
                ],
            },
        ]);
        _data.Stores.SaveScores([AnswerFixture.Score("usage", 52, HealthBand.Average)]);
        _data.Stores.SaveHistories(new Dictionary<string, ScorePoint[]>
        {
            ["usage"] = [new(new(2026, 10, 20), 81), new(new(2026, 10, 27), 80), new(new(2026, 11, 10), 79), new(new(2026, 11, 20), 58)],
        });
    }

    private ChatMessage Ask(string text, Asker? asker = null) => _data.Service().Ask(text, asker ?? Local);

    private static string AllText(ChatMessage m) => string.Join("\n",
        new[] { m.Title, m.FallbackText }
            .Concat(m.Sections.SelectMany(s => new[] { s.Heading, s.Text }.Concat(s.Fields.Select(f => $"{f.Label}: {f.Value}"))))
            .Concat(m.Actions.Select(a => $"{a.Label} {a.Value}"))
            .Concat(m.Context)
            .Where(t => t is not null));

    [Fact]
    public void The_renewal_date_comes_with_the_days_left_the_arr_at_stake_and_the_owner()
    {
        var answer = Ask("when is usage co up for renewal");

        Assert.Equal("Usage Co renews on 2027-03-14 (in 108 days)", answer.Title);
        Assert.Equal("ARR $50.4k; owner Dana Whitfield; health 52 (Average)", answer.Sections[0].Text);
        Assert.Equal("health of Usage Co", answer.Actions.Single().Value);
    }

    [Fact]
    public void An_auto_renewing_contract_says_so_with_its_notice_deadline()
    {
        var answer = Ask("Big Co renewal date");

        Assert.Equal("Big Co renews on 2026-12-16 (in 20 days)", answer.Title);
        Assert.StartsWith("Auto-renews; notice deadline 2026-11-16; ARR $12.96M", answer.Sections[0].Text);
    }

    [Fact]
    public void The_owner_is_named_with_their_email_and_manager()
    {
        var answer = Ask("who owns calm corp?");

        Assert.Equal("Calm Corp is owned by Marcus Oyelaran (marcus@csbot.example)", answer.Title);
        Assert.StartsWith("Manager Elena Novak; segment Enterprise; health 88 (Good)", answer.Sections[0].Text);
    }

    [Theory]
    [InlineData("what's usage co's ARR", "Usage Co's ARR is $50.4k", "MRR $4,200")]
    [InlineData("mrr of usage co", "Usage Co's MRR is $4,200", "ARR $50.4k")]
    public void Arr_and_mrr_give_each_other_alongside(string question, string title, string alongside)
    {
        var answer = Ask(question);

        Assert.Equal(title, answer.Title);
        Assert.Contains(alongside, answer.Sections[0].Text);
    }

    [Fact]
    public void Seats_come_with_how_many_were_active()
    {
        var answer = Ask("how many seats does usage co have");

        Assert.Equal("Usage Co has 100 licensed seats", answer.Title);
        Assert.Equal("20 of 100 active in the 30 days to 2026-11-25 (20%); Growth plan", answer.Sections[0].Text);
    }

    [Fact]
    public void The_plan_and_the_segment_are_said_as_recorded()
    {
        Assert.Equal("Usage Co is on the Growth plan", Ask("what plan is usage co on").Title);
        Assert.Equal("Usage Co is in the Mid-Market segment", Ask("which segment is usage co in").Title);
    }

    [Fact]
    public void The_last_login_is_the_last_day_anyone_logged_in()
    {
        var answer = Ask("when did someone at usage co last log in");

        Assert.Equal("Someone at Usage Co last logged in on 2026-11-24 (2 days ago)", answer.Title);
        Assert.Equal("40 logins by 20 active users that day; 200 logins in the last 7 days", answer.Sections[0].Text);
    }

    [Fact]
    public void Open_tickets_are_counted_by_severity_with_the_oldest()
    {
        var answer = Ask("how many open tickets does usage co have");

        Assert.Equal("Usage Co has 2 open tickets", answer.Title);
        Assert.StartsWith("1 critical, 1 low; oldest open 20 days", answer.Sections[0].Text);
    }

    [Theory]
    [InlineData("how many seats does calm corp have", "I don't have seat numbers for Calm Corp: no product usage has been received for it")]
    [InlineData("what plan is calm corp on", "I don't have a plan for Calm Corp: its CRM record has none")]
    [InlineData("when did someone at calm corp last log in", "I don't have login data for Calm Corp: no product usage has been received for it")]
    [InlineData("how many open tickets does calm corp have", "Calm Corp has no open tickets (no support tickets have been received for it)")]
    public void A_fact_the_data_does_not_hold_is_said_to_be_missing(string question, string title) =>
        Assert.Equal(title, Ask(question).Title);

    [Fact]
    public void A_name_that_fits_several_accounts_offers_the_same_question_about_each()
    {
        var calm = _data.Stores.LoadSignals("calm")!;
        _data.Stores.Save([calm with { Account = calm.Account with { Id = "usage-labs", ExternalId = "CRM-usage-labs", Name = "Usage Labs" } }]);

        var choices = Ask("who owns usage").Actions.Select(a => a.Value).Order().ToList();

        Assert.Equal(["who owns Usage Co", "who owns Usage Labs"], choices);
        Assert.Equal(["Usage Co is owned by Dana Whitfield (dana@csbot.example)", "Usage Labs is owned by Marcus Oyelaran (marcus@csbot.example)"],
            choices.Select(c => Ask(c).Title));
    }

    [Theory]
    [InlineData(AccountFactKind.RenewalDate)]
    [InlineData(AccountFactKind.Owner)]
    [InlineData(AccountFactKind.Arr)]
    [InlineData(AccountFactKind.Mrr)]
    [InlineData(AccountFactKind.Seats)]
    [InlineData(AccountFactKind.Segment)]
    [InlineData(AccountFactKind.Plan)]
    [InlineData(AccountFactKind.LastLogin)]
    [InlineData(AccountFactKind.OpenTickets)]
    public void Each_fact_is_asked_again_by_its_choice_button(AccountFactKind fact)
    {
        var parsed = QuestionParser.Parse(FactAnswers.Question(fact, "Usage Co"));

        Assert.Equal(IntentKind.AccountFact, parsed.Intent);
        Assert.Equal(fact, parsed.Fact);
        Assert.Equal("Usage Co", parsed.AccountText);
    }

    [Fact]
    public void A_csm_restricted_to_their_book_is_refused_another_csms_account()
    {
        _data.Access.RestrictOtherBooks = true;

        var answer = Ask("who owns usage co", Marcus);

        Assert.Equal("Accounts owned by Dana Whitfield are visible to their owner and to managers only.", answer.Title);
        Assert.DoesNotContain("Growth", AllText(answer));
    }

    [Fact]
    public void Arr_and_mrr_are_revenue_refused_to_a_csm_when_revenue_is_restricted()
    {
        _data.Access.RestrictRevenueMetrics = true;

        var csm = Ask("what's calm corp's ARR", Marcus);
        var inChannel = Ask("mrr of calm corp", ElenaInChannel);
        var direct = Ask("mrr of calm corp", ElenaDirect);

        Assert.Equal("Calm Corp's ARR is a revenue figure, which only managers can see here.", csm.Title);
        Assert.DoesNotContain("$", AllText(csm));
        Assert.Equal("Calm Corp's MRR is a revenue figure; ask me in a direct message so it is not shown to the whole channel.", inChannel.Title);
        Assert.Equal("Calm Corp's MRR is $5,000", direct.Title);
    }

    [Fact]
    public void Other_facts_leave_money_out_and_say_so_when_revenue_is_restricted()
    {
        _data.Access.RestrictRevenueMetrics = true;

        var answer = Ask("when does calm corp renew", Marcus);

        Assert.Equal("Calm Corp renews on 2027-03-26 (in 120 days)", answer.Title);
        Assert.DoesNotContain("$", AllText(answer));
        Assert.Equal(["Revenue figures are left out: only managers can see them here."], answer.Context);
    }

    [Fact]
    public void A_trend_gives_the_score_then_and_now_and_what_moved_most()
    {
        var answer = Ask("is usage co trending down?");

        Assert.Equal("Usage Co is trending down: health 80 → 52 (-28 points) in the last 30 days", answer.Title);
        var lines = answer.Sections[0].Text!.Split('\n');
        Assert.Equal("80 on 2026-10-27, 52 on 2026-11-26; lowest 52 (2026-11-26), highest 80 (2026-10-27)", lines[0]);
        Assert.Matches(@"^(Usage trend|Seat utilisation|Login frequency) moved most: \d+ → \d+ of 100 \(.+\)$", lines[1]);
        Assert.Equal(CsBot.Core.Severity.Warning, answer.Severity);
    }

    [Fact]
    public void A_trend_over_a_named_period_compares_its_first_and_last_scores()
    {
        var answer = Ask("how has usage co's health changed over the last 2 weeks");

        Assert.Equal("Usage Co is trending down: health 79 → 52 (-27 points) over the last 2 weeks", answer.Title);
    }

    [Fact]
    public void A_score_that_did_not_move_reads_as_holding_steady() =>
        Assert.Equal("Calm Corp is holding steady: health 88 → 88 (0 points) in the last 30 days", Ask("is calm corp trending up").Title);

    [Fact]
    public void A_period_before_any_stored_score_has_no_trend_to_tell()
    {
        var answer = Ask("how has usage co's health changed in september");

        Assert.Equal("Not enough score history for Usage Co in september to tell a trend", answer.Title);
        Assert.Equal("Health now 52 (Average); scores are kept from the first daily run.", answer.Sections[0].Text);
    }

    [Fact]
    public void A_trend_follows_the_same_access_as_health()
    {
        _data.Access.RestrictOtherBooks = true;

        var answer = Ask("is usage co trending up", Marcus);

        Assert.Equal("Accounts owned by Dana Whitfield are visible to their owner and to managers only.", answer.Title);
        Assert.DoesNotContain("52", AllText(answer));
    }
}
