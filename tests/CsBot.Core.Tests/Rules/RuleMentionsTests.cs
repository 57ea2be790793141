using CsBot.Core.Rules;

namespace CsBot.Core.Tests.Rules;

public class RuleMentionsTests
{
    private static readonly string[] Ids = ["usage-cliff", "health-below", "nps-detractor", "low_csat"];

    [Theory]
    [InlineData("initech usage-cliff", "usage-cliff", "initech")]
    [InlineData("initech usage cliff", "usage-cliff", "initech")]
    [InlineData("initech usage-clif", "usage-cliff", "initech")]
    [InlineData("the usage cliff alert on initech", "usage-cliff", "the alert on initech")]
    [InlineData("hooli low csat", "low_csat", "hooli")]
    [InlineData("Hooli NPS Detractor", "nps-detractor", "Hooli")]
    public void Finds_a_rule_by_its_id_its_words_or_a_one_letter_typo(string text, string id, string rest)
    {
        var found = RuleMentions.Find(text, Ids);
        Assert.NotNull(found);
        Assert.Equal(id, found.Value.RuleId);
        Assert.Equal(rest, found.Value.Remainder);
    }

    [Theory]
    [InlineData("initech")]
    [InlineData("usage of initech")]
    [InlineData("acme corp")]
    public void Finds_no_rule_where_none_is_named(string text) =>
        Assert.Null(RuleMentions.Find(text, Ids));
}
