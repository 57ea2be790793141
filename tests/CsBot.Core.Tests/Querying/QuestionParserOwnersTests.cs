using CsBot.Core.Querying;
using CsBot.Core.Scoring;

namespace CsBot.Core.Tests.Querying;

/// <summary>Owners typed the way people chat: in lower case, with a possessive without its apostrophe, with a typo.</summary>
public class QuestionParserOwnersTests
{
    private static readonly DateOnly Today = new(2026, 11, 26);

    private static readonly KnownNames Names = new(
        ["Hooli", "Globex", "Initech", "Initrode", "Umbrella Health", "Acme Corp"],
        ["Dana Whitfield", "Priya Raman", "Marcus Chen"]);

    private static ParsedQuestion Parse(string text) => QuestionParser.Parse(text, Today, null, Names);

    [Theory]
    [InlineData("dana whitfields at risk accounts", "Dana Whitfield")]
    [InlineData("dana whitfield's at risk accounts", "Dana Whitfield")]
    [InlineData("at risk accounts for priya raman", "Priya Raman")]
    [InlineData("at risk accounts for priya rman", "Priya Raman")]
    [InlineData("at-risk accounts owned by marcus chen", "Marcus Chen")]
    public void An_owner_typed_in_lower_case_is_the_known_owner(string text, string owner)
    {
        var q = Parse(text);
        Assert.Equal(IntentKind.AtRiskList, q.Intent);
        Assert.Equal(owner, q.OwnerText);
    }

    [Fact]
    public void A_colour_list_for_an_owner_keeps_the_band_and_the_whole_name()
    {
        var q = Parse("list all orange accounts for priya raman");
        Assert.Equal(HealthBand.Average, q.Band);
        Assert.Equal("Priya Raman", q.OwnerText);
    }

    [Fact]
    public void Without_known_owners_a_capitalised_owner_is_still_taken_as_typed()
    {
        var q = QuestionParser.Parse("at-risk accounts for Dana Whitfield", Today);
        Assert.Equal("Dana Whitfield", q.OwnerText);
    }

    [Fact]
    public void A_mistyped_question_word_about_a_named_account_is_that_question()
    {
        var q = Parse("whay is initech at risk");
        Assert.Equal(IntentKind.Why, q.Intent);
        Assert.Equal("initech", q.AccountText);
    }

    [Theory]
    [InlineData("poor health", HealthBand.Poor)]
    [InlineData("red", HealthBand.Poor)]
    [InlineData("orange accounts", HealthBand.Average)]
    public void A_bare_band_is_the_list_it_means_not_an_account(string text, HealthBand band)
    {
        var q = Parse(text);
        Assert.Equal(IntentKind.AtRiskList, q.Intent);
        Assert.Null(q.AccountText);
        Assert.Equal(band, q.Band);
    }

    [Fact]
    public void A_bare_at_risk_is_the_at_risk_list()
    {
        var q = Parse("at risk");
        Assert.Equal(IntentKind.AtRiskList, q.Intent);
        Assert.Null(q.AccountText);
    }
}
