using CsBot.Core.Querying;

namespace CsBot.Core.Tests.Querying;

public class QuestionNormaliserTests
{
    private static readonly KnownNames Names = new(["Hooli", "Globex", "Soylent Foods", "AT&T", "Wayne Analytics"]);

    [Theory]
    [InlineData("hows hooli doing", "how's hooli doing")]
    [InlineData("whats up with globex", "what's up with globex")]
    [InlineData("whos renewing next month", "who's renewing next month")]
    [InlineData("whys initech at risk", "why is initech at risk")]
    [InlineData("what\u2019s hooli\u2019s score", "what's hooli's score")]
    public void Puts_back_apostrophes(string typed, string normal) =>
        Assert.Equal(normal, QuestionNormaliser.Normalise(typed, Names));

    [Theory]
    [InlineData("whats pulling down hoolis score", "what's pulling down hooli's score")]
    [InlineData("globexs health", "globex's health")]
    // A name that ends in "s" keeps it, and a plural with no account behind it is left alone.
    [InlineData("soylent foods score", "soylent foods score")]
    [InlineData("wayne analytics health", "wayne analytics health")]
    [InlineData("renewals status", "renewals status")]
    public void Makes_a_possessive_only_of_an_account_name(string typed, string normal) =>
        Assert.Equal(normal, QuestionNormaliser.Normalise(typed, Names));

    [Theory]
    [InlineData("hi, could you tell me how umbrella is going", "how umbrella is going")]
    [InlineData("hey csbot, hope ur well! how is hooli doing these days", "how is hooli doing")]
    [InlineData("Hi team \U0001F44B could someone pull up the health of Wayne Analytics", "the health of Wayne Analytics")]
    [InlineData("can u pls check massive dynamic", "check massive dynamic")]
    [InlineData("morning! just wondering how things look for Globex", "how things look for Globex")]
    [InlineData("ok so umm what was our nrr last quarter", "what was our nrr last quarter")]
    [InlineData("I would like know the situation of Hooli", "the situation of Hooli")]
    [InlineData("would you mind checking on Globex please", "checking on Globex")]
    public void Drops_greetings_and_polite_wrappers(string typed, string normal) =>
        Assert.Equal(normal, QuestionNormaliser.Normalise(typed, Names));

    [Theory]
    [InlineData("whats wrong w initrode", "what's wrong with initrode")]
    [InlineData("at risk accts in smb", "at risk accounts in smb")]
    [InlineData("grr q/q", "grr quarter over quarter")]
    [InlineData("nrr yoy", "nrr year over year")]
    [InlineData("renewals nxt yr", "renewals next year")]
    [InlineData("hw is globex doin", "how is globex doing")]
    public void Spells_out_chat_abbreviations(string typed, string normal) =>
        Assert.Equal(normal, QuestionNormaliser.Normalise(typed, Names));

    [Theory]
    [InlineData("AT&T")]
    [InlineData("1,200 seats")]
    [InlineData("hi there")]
    [InlineData("health of Acme")]
    public void Leaves_names_numbers_and_bare_greetings_as_typed(string typed) =>
        Assert.Equal(typed, QuestionNormaliser.Normalise(typed, Names));
}
