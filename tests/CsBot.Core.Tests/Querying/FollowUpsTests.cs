using CsBot.Core.Querying;

namespace CsBot.Core.Tests.Querying;

public class FollowUpsTests
{
    private static readonly DateOnly Today = new(2026, 11, 26);

    private static FollowUp? Read(string text) => FollowUps.Read(QuestionParser.Parse(text, Today), Today, null);

    [Theory]
    [InlineData("and initrode?", "initrode")]
    [InlineData("what about Globex", "Globex")]
    [InlineData("ok and stark industries?", "stark industries")]
    [InlineData("how about acme corp's", "acme corp")]
    public void Another_account_is_the_same_question_about_it(string text, string account)
    {
        var followUp = Read(text);

        Assert.Equal(FollowUpKind.OtherAccount, followUp?.Kind);
        Assert.Equal(account, followUp!.AccountText);
    }

    [Theory]
    [InlineData("how come?")]
    [InlineData("why?")]
    [InlineData("Why so")]
    [InlineData("and why is that")]
    [InlineData("what happened")]
    public void Why_alone_asks_why_for_the_last_account(string text) => Assert.Equal(FollowUpKind.Why, Read(text)?.Kind);

    [Theory]
    [InlineData("what about Q2?", "Q2")]
    [InlineData("and last week then?", "last week")]
    [InlineData("and in October", "in October")]
    public void A_period_alone_is_the_same_question_over_it(string text, string period)
    {
        var followUp = Read(text);

        Assert.Equal(FollowUpKind.OtherPeriod, followUp?.Kind);
        Assert.Equal(period, followUp!.PeriodText);
    }

    [Theory]
    [InlineData("and the quarter before?", "quarter")]
    [InlineData("what about the previous month", "month")]
    [InlineData("and before that?", null)]
    public void The_period_before_names_its_unit(string text, string? unit)
    {
        var followUp = Read(text);

        Assert.Equal(FollowUpKind.PeriodBefore, followUp?.Kind);
        Assert.Equal(unit, followUp!.Unit);
    }

    [Theory]
    [InlineData("just smb", "smb", false)]
    [InlineData("and in enterprise?", "enterprise", false)]
    [InlineData("what about mid-market", "mid-market", false)]
    [InlineData("only mine", null, true)]
    [InlineData("and just my accounts", null, true)]
    public void A_segment_or_mine_narrows_the_last_list(string text, string? segment, bool mine)
    {
        var followUp = Read(text);

        Assert.Equal(FollowUpKind.Narrow, followUp?.Kind);
        Assert.Equal(segment, followUp!.Segment, StringComparer.OrdinalIgnoreCase);
        Assert.Equal(mine, followUp.Mine);
    }

    [Theory]
    [InlineData("show more")]
    [InlineData("more")]
    [InlineData("More please")]
    [InlineData("next page")]
    [InlineData("show me the rest")]
    public void More_is_the_next_page(string text) => Assert.Equal(FollowUpKind.NextPage, Read(text)?.Kind);

    [Theory]
    [InlineData("how is it doing", "it")]
    [InlineData("why is it at risk?", "it")]
    [InlineData("who owns it?", "it")]
    public void It_stands_for_the_last_account(string text, string pronoun)
    {
        var followUp = Read(text);

        Assert.Equal(FollowUpKind.SameAccount, followUp?.Kind);
        Assert.Equal(pronoun, followUp!.Pronoun);
    }

    [Theory]
    [InlineData("who owns it", "it", "Umbrella Health", "who owns Umbrella Health")]
    [InlineData("what's its ARR", "its", "Hooli", "what's Hooli's ARR")]
    public void The_name_takes_the_pronouns_place(string text, string pronoun, string account, string expected) =>
        Assert.Equal(expected, FollowUps.NameInsteadOf(text, pronoun, account));

    [Theory]
    [InlineData("how is hooli doing")]
    [InlineData("at risk accounts in Enterprise")]
    [InlineData("my accounts")]
    [InlineData("nrr last quarter")]
    [InlineData("and what about nrr?")]
    [InlineData("and how is initrode doing")]
    [InlineData("renewals next quarter")]
    [InlineData("help")]
    public void A_question_of_its_own_is_no_follow_up(string text) => Assert.Null(Read(text));
}
