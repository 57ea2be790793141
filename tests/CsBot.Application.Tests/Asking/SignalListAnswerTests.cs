using CsBot.Application.Asking;
using CsBot.Core.Accounts;
using CsBot.Core.Messaging;
using CsBot.Core.Rules;
using CsBot.Core.Signals;

namespace CsBot.Application.Tests.Asking;

/// <summary>
/// Lists by signal on <see cref="AnswerFixture"/> (Thursday 2026-11-26), with tickets, surveys, usage and revenue added
/// per test: the accounts a rule flags, the number behind each row, worst first, scoped and refused like other lists.
/// Big Co (Dana, Enterprise, Poor, renews in 20 days), Mid Co (Marcus, Mid-Market, Average, renews in 50 days),
/// Late Payer Ltd (Dana, SMB, Average, renews in 200 days), Calm Corp (Marcus, Enterprise, Good, renews in 120 days).
/// </summary>
public class SignalListAnswerTests
{
    private static readonly DateOnly Today = AnswerFixture.Today;
    private static readonly Asker Dana = new("U_DANA", "Dana Whitfield", "slack", "dana@csbot.example");
    private static readonly Asker Marcus = new("U_MARCUS", "Marcus Oyelaran", "slack", "marcus@csbot.example");

    private readonly AnswerFixture _data = new();

    private ChatMessage Ask(string text, Asker? asker = null) => _data.Service().Ask(text, asker ?? Asker.Local());

    private static IEnumerable<string?> Headings(ChatMessage m) => m.Sections.Select(s => s.Heading);

    private static string AllText(ChatMessage m) => string.Join("\n",
        new[] { m.Title }.Concat(m.Sections.SelectMany(s => new[] { s.Heading, s.Text }.Concat(s.Fields.Select(f => $"{f.Label}: {f.Value}")))).Concat(m.Context).Where(t => t is not null));

    private void With(string id, Func<AccountSignals, AccountSignals> change) => _data.Stores.Save([change(_data.Stores.LoadSignals(id)!)]);

    private static SupportTicket Critical(string account, int n, int daysOpen) =>
        new($"{account}-T{n}", account, TicketSeverity.Critical, new DateTimeOffset(Today.AddDays(-daysOpen).ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero));

    private static SurveyResponse Nps(string account, int score, DateOnly date) => new($"{account}-{date}", account, SurveyKind.Nps, score, date);

    private void CriticalTickets()
    {
        With("big", s => s with { Tickets = [Critical("big", 1, 9), Critical("big", 2, 3), Critical("big", 3, 1)] });
        With("mid", s => s with { Tickets = [Critical("mid", 1, 4), Critical("mid", 2, 2)] });
        // One critical ticket is below the rule's two: no alert, so not listed.
        With("calm", s => s with { Tickets = [Critical("calm", 1, 30)] });
    }

    [Fact]
    public void Accounts_with_open_critical_tickets_show_the_count_and_age_most_tickets_first()
    {
        CriticalTickets();

        var answer = Ask("accounts with open critical tickets");

        Assert.Equal("2 accounts with open critical tickets", answer.Title);
        Assert.Equal(["Big Co: 3 critical tickets open (oldest 9 days)", "Mid Co: 2 critical tickets open (oldest 4 days)"], Headings(answer));
        Assert.Contains(answer.Context, c => c.Contains("2 critical tickets or more open", StringComparison.Ordinal));
        Assert.Equal(Core.Severity.Critical, answer.Severity);
    }

    [Fact]
    public void The_list_uses_the_rules_configured_threshold_so_it_agrees_with_the_alerts()
    {
        CriticalTickets();
        _data.Rules.Definitions.Single(d => d.Id == "critical-tickets").Count = 3;

        var answer = Ask("accounts with open critical tickets");

        Assert.Equal("1 account with open critical tickets", answer.Title);
        Assert.Equal(["Big Co: 3 critical tickets open (oldest 9 days)"], Headings(answer));
    }

    [Fact]
    public void A_signal_whose_rule_is_turned_off_is_not_listed_as_if_nobody_had_it()
    {
        CriticalTickets();
        _data.Rules.Definitions.Single(d => d.Id == "critical-tickets").Enabled = false;

        var answer = Ask("accounts with open critical tickets");

        Assert.Equal("No rule watches for open critical tickets here", answer.Title);
        Assert.Contains("turned off", answer.Sections[0].Text);
    }

    [Fact]
    public void Lists_by_signal_are_scoped_by_segment_and_mine_like_other_lists()
    {
        CriticalTickets();

        Assert.Equal(["Big Co: 3 critical tickets open (oldest 9 days)"], Headings(Ask("critical tickets in enterprise")));
        Assert.Equal("1 account with open critical tickets in Enterprise", Ask("critical tickets in enterprise").Title);
        var mine = Ask("which of my accounts have critical tickets", Marcus);
        Assert.Equal("1 account with open critical tickets for you", mine.Title);
        Assert.Equal(["Mid Co: 2 critical tickets open (oldest 4 days)"], Headings(mine));
    }

    [Fact]
    public void A_csm_restricted_to_their_book_sees_only_their_accounts_and_one_who_owns_nothing_is_told_why()
    {
        CriticalTickets();
        _data.Access.RestrictOtherBooks = true;

        var marcus = Ask("accounts with open critical tickets", Marcus);
        Assert.Equal(["Mid Co: 2 critical tickets open (oldest 4 days)"], Headings(marcus));
        Assert.DoesNotContain("Big Co", AllText(marcus));

        var newcomer = Ask("accounts with open critical tickets", new Asker("U_NEW", "Noor New", "slack", "noor@csbot.example"));
        Assert.Equal("You don't own any accounts (as noor@csbot.example), so there are no accounts with open critical tickets in your book", newcomer.Title);
    }

    [Fact]
    public void Renewals_at_risk_are_the_soonest_renewals_with_poor_or_average_health()
    {
        var answer = Ask("renewals at risk");

        Assert.Equal("2 accounts with a renewal at risk", answer.Title);
        Assert.Equal(["Big Co: renews on 2026-12-16 (20 days) with health 35 (Poor)", "Mid Co: renews on 2027-01-15 (50 days) with health 55 (Average)"], Headings(answer));
        Assert.Contains(answer.Context, c => c.Contains("renewing within 60 days with Poor or Average health", StringComparison.Ordinal));
        Assert.DoesNotContain(answer.Sections[0].Fields, f => f.Label == "Health");
    }

    [Fact]
    public void Renewals_at_risk_in_a_period_are_those_renewing_in_it()
    {
        Assert.Equal(["Big Co"], Ask("renewals at risk in the next 30 days").Sections.Select(s => s.Heading!.Split(':')[0]));
        Assert.Equal(["Mid Co"], Ask("renewals at risk in january").Sections.Select(s => s.Heading!.Split(':')[0]));
    }

    [Fact]
    public void Detractors_in_a_period_are_the_detractor_answers_dated_in_it_lowest_score_first()
    {
        With("big", s => s with { Surveys = [Nps("big", 3, new(2026, 11, 12))] });
        With("mid", s => s with { Surveys = [Nps("mid", 5, new(2026, 11, 2))] });
        With("calm", s => s with { Surveys = [Nps("calm", 9, new(2026, 11, 10))] });
        With("late", s => s with { Surveys = [Nps("late", 2, new(2026, 10, 15))] });

        var thisMonth = Ask("detractors this month");
        Assert.Equal("2 accounts with NPS detractors this month", thisMonth.Title);
        Assert.Equal(["Big Co: NPS 3 on 2026-11-12 (detractor)", "Mid Co: NPS 5 on 2026-11-02 (detractor)"], Headings(thisMonth));

        var lastMonth = Ask("detractors last month");
        Assert.Equal(["Late Payer Ltd: NPS 2 on 2026-10-15 (detractor)"], Headings(lastMonth));
    }

    [Fact]
    public void Accounts_nobody_logs_into_show_the_days_since_the_last_login_longest_first()
    {
        With("mid", s => s with { Usage = Usage(lastLogin: Today.AddDays(-23)) });
        With("calm", s => s with { Usage = Usage(lastLogin: Today.AddDays(-15)) });
        With("late", s => s with { Usage = Usage(lastLogin: Today.AddDays(-2)) });

        var answer = Ask("accounts nobody has logged into");

        Assert.Equal("2 accounts with no recent logins", answer.Title);
        Assert.Equal(["Mid Co: no login for 23 days (last on 2026-11-03)", "Calm Corp: no login for 15 days (last on 2026-11-11)"], Headings(answer));
    }

    [Fact]
    public void Contraction_shows_the_share_and_amounts_but_no_money_to_whoever_may_not_see_revenue()
    {
        With("calm", s => s with { RevenueEvents = [.. s.RevenueEvents, new RevenueEvent("calm-c", "calm", RevenueEventKind.Contraction, -2_000m, new(2026, 11, 20))] });

        var manager = Ask("who contracted in the last 30 days");
        Assert.Equal("1 account with MRR contraction in the last 30 days", manager.Title);
        Assert.Equal(["Calm Corp: MRR contracted 29% (-$2,000 of $7,000) in the last 30 days"], Headings(manager));
        Assert.Contains("ARR: $60k", AllText(manager));

        _data.Access.RestrictRevenueMetrics = true;
        var csm = Ask("who contracted in the last 30 days", Marcus);
        Assert.Equal(["Calm Corp: MRR contracted 29%"], Headings(csm));
        Assert.DoesNotContain("$", AllText(csm));
        Assert.Contains("Revenue figures are left out: only managers can see them here.", csm.Context);
    }

    [Fact]
    public void A_long_list_shows_the_top_rows_and_how_many_more()
    {
        var calm = _data.Stores.LoadSignals("calm")!;
        _data.Stores.Save([.. Enumerable.Range(1, 13).Select(n => calm with
        {
            Account = calm.Account with { Id = $"t{n}", ExternalId = $"CRM-t{n}", Name = $"Ticketed {n:00}" },
            Tickets = [.. Enumerable.Range(1, 1 + n).Select(k => Critical($"t{n}", k, n))],
        })]);

        var inChat = Asker.Local() with { ConversationId = "playground-1" };
        var answer = Ask("accounts with open critical tickets", inChat);

        Assert.Equal("13 accounts with open critical tickets", answer.Title);
        Assert.Equal(ListAnswers.MaxRows, answer.Sections.Count);
        Assert.Equal("Ticketed 13: 14 critical tickets open (oldest 13 days)", answer.Sections[0].Heading);
        Assert.Equal("and 3 more", answer.Context[0]);

        var more = Ask("show more", inChat);
        Assert.Equal(3, more.Sections.Count);
        Assert.Equal("rows 11-13 of 13", more.Context[0]);
    }

    [Fact]
    public void Nobody_showing_the_signal_says_so()
    {
        Assert.Equal("No accounts with a usage cliff", Ask("usage cliffs").Title);
        Assert.Empty(Ask("usage cliffs").Sections);
    }

    /// <summary>Forty days of usage with ten active users a day, logins up to <paramref name="lastLogin"/> and none after.</summary>
    private static UsageDay[] Usage(DateOnly lastLogin) =>
        [.. Enumerable.Range(0, 40).Select(i => Today.AddDays(i - 39)).Select(d => new UsageDay(d, 10, 12, 20, d <= lastLogin ? 5 : 0, 3))];
}
