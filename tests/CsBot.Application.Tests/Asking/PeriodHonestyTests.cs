using CsBot.Application.Asking;
using CsBot.Core.Messaging;

namespace CsBot.Application.Tests.Asking;

/// <summary>
/// A period that has not started gets no number, one in progress says so and is compared like with like
/// (the fixture's today is 2026-11-26; Q3 2026 had an expansion on 1 Aug, a contraction on 15 Aug and a churn on 10 Sep).
/// </summary>
public class PeriodHonestyTests
{
    private readonly AnswerFixture _data = new();

    private ChatMessage Ask(string text) => _data.Service().Ask(text, Asker.Local());

    private static string Previous(ChatMessage m) => m.Sections[0].Fields.Single(f => f.Label == "Previous period").Value;

    [Theory]
    [InlineData("nrr Q1 2027", "Q1 2027 hasn't started; I can tell you Q4 2026 so far", "NRR Q4 2026")]
    [InlineData("what was churn in january 2027", "January 2027 hasn't started; I can tell you November 2026 so far", "Logo churn November 2026")]
    [InlineData("grr next quarter", "Q1 2027 hasn't started; I can tell you Q4 2026 so far", "GRR Q4 2026")]
    [InlineData("nps next month", "December 2026 hasn't started; I can tell you November 2026 so far", "NPS November 2026")]
    [InlineData("logo churn in 2027", "2027 hasn't started; I can tell you 2026 so far", "Logo churn 2026")]
    public void A_period_that_has_not_started_gets_no_number_but_the_current_one_so_far(string question, string title, string offered)
    {
        var answer = Ask(question);

        Assert.Equal(title, answer.Title);
        Assert.DoesNotContain("%", answer.Title);
        Assert.Empty(answer.Sections.SelectMany(s => s.Fields));
        var button = Assert.Single(answer.Actions);
        Assert.Equal(ActionKind.Choose, button.Kind);
        Assert.Equal(offered, button.Value, ignoreCase: true);
    }

    [Fact]
    public void The_offered_question_answers_the_current_period_so_far()
    {
        var offered = Ask("nrr Q1 2027").Actions.Single().Value;

        Assert.StartsWith("NRR Q4 2026 so far (to 2026-11-26): ", Ask(offered).Title);
    }

    [Fact]
    public void A_quarter_in_progress_is_labelled_so_far_and_compared_with_the_same_dates_of_the_quarter_before()
    {
        // Q4 to date has no movements: 100.0%. The same dates of Q3 (1 Jul..26 Aug) hold the expansion and the
        // contraction but not September's churn: (1,207,000 + 80,000 - 20,000) / 1,207,000 = 105.0%.
        var answer = Ask("nrr Q4 2026");

        Assert.Equal("NRR Q4 2026 so far (to 2026-11-26): 100.0%", answer.Title);
        Assert.Equal("105.0% (2026-07-01 to 2026-08-26)", Previous(answer));
    }

    [Fact]
    public void Year_to_date_compares_with_the_same_dates_last_year()
    {
        var answer = Ask("nrr ytd");

        Assert.StartsWith("NRR 2026 so far (to 2026-11-26): ", answer.Title);
        Assert.EndsWith("(2025-01-01 to 2025-11-26)", Previous(answer));
    }

    [Fact]
    public void A_finished_period_is_neither_so_far_nor_compared_differently()
    {
        var answer = Ask("nrr Q3 2026");

        Assert.DoesNotContain("so far", answer.Title);
        Assert.Equal("100.0% (Q2 2026)", Previous(answer));
    }

    [Fact]
    public void A_month_typed_short_is_named_in_full_in_the_title()
    {
        // Mid Co renews 50 days after 2026-11-26, on 2027-01-15.
        Assert.StartsWith("1 renewal in January 2027", Ask("renewals in jan").Title);
    }
}
