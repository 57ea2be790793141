using CsBot.Core.Querying;

namespace CsBot.Core.Tests.Querying;

public class KeywordTyposTests
{
    [Theory]
    [InlineData("acme corp healt", "acme corp health")]
    [InlineData("at rsik accounts", "at risk accounts")]
    [InlineData("renewls next month", "renewals next month")]
    [InlineData("top mvoers this week", "top movers this week")]
    [InlineData("overdue invocies in smb", "overdue invoices in smb")]
    [InlineData("unsubscirbe", "unsubscribe")]
    [InlineData("halp", "help")]
    [InlineData("whay is initech at risk", "why is initech at risk")]
    public void Corrects_mistyped_keywords(string typed, string corrected) =>
        Assert.Equal(corrected, KeywordTypos.Correct(typed));

    [Fact]
    public void Never_turns_an_account_name_into_a_keyword()
    {
        // "Healty" is one edit from "health" and "Rsik" a swap from "risk": as words of names they stay.
        var names = new KnownNames(["Healty Labs", "Rsik Partners"]);

        Assert.Equal("healty labs score", KeywordTypos.Correct("healty labs score", names));
        Assert.Equal("rsik partners", KeywordTypos.Correct("rsik partners", names));
        Assert.Equal("health labs score", KeywordTypos.Correct("healty labs score", KnownNames.None));
    }

    [Theory]
    [InlineData("last quarter")]
    [InlineData("how did we do")]
    [InlineData("hooli")]
    [InlineData("desk")]
    [InlineData("what is hooli")]
    [InlineData("when is the renewal")]
    public void Leaves_short_and_unrelated_words_alone(string typed) =>
        Assert.Same(typed, KeywordTypos.Correct(typed));
}
