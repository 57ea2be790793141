using CsBot.Application.Asking;
using CsBot.Core.Accounts;

namespace CsBot.Application.Tests.Asking;

public class AccountMatcherTests
{
    private static Account Account(string id, string name, string? domain = null, params string[] aliases) => new()
    {
        Id = id,
        ExternalId = "CRM-" + id,
        Name = name,
        Domain = domain,
        Aliases = aliases,
        Owner = new Person("Dana Whitfield", "dana@csbot.example"),
    };

    private readonly AccountMatcher _matcher = new(
    [
        Account("1", "Acme Corp", "acme-corp.example"),
        Account("2", "Acme Labs", "acmelabs.example"),
        Account("3", "Initech", "initech.example", "INTC"),
        Account("4", "Pied Piper Inc.", "piedpiper.example"),
        Account("5", "Globex"),
    ]);

    [Theory]
    [InlineData("Acme Corp", "Acme Corp")]
    [InlineData("acme corp", "Acme Corp")]
    [InlineData("ACME CORPORATION", "Acme Corp")]
    [InlineData("acme labs", "Acme Labs")]
    [InlineData("acme lab", "Acme Labs")]
    [InlineData("initech", "Initech")]
    [InlineData("intech", "Initech")]
    [InlineData("INTC", "Initech")]
    [InlineData("initech.example", "Initech")]
    [InlineData("pied piper", "Pied Piper Inc.")]
    [InlineData("Pied Piper, Inc", "Pied Piper Inc.")]
    [InlineData("globx", "Globex")]
    [InlineData("CRM-5", "Globex")]
    public void Finds_one_account_despite_case_suffixes_typos_aliases_and_domains(string typed, string expected)
    {
        var match = _matcher.Match(typed);

        Assert.Equal(MatchOutcome.Found, match.Outcome);
        Assert.Equal(expected, match.Account!.Name);
    }

    [Fact]
    public void A_shared_first_word_asks_which_account_was_meant()
    {
        var match = _matcher.Match("Acme");

        Assert.Equal(MatchOutcome.Ambiguous, match.Outcome);
        Assert.Equal(["Acme Corp", "Acme Labs"], match.Candidates.Select(c => c.Name));
    }

    [Fact]
    public void A_name_several_accounts_carry_exactly_asks_which_one_of_all_of_them()
    {
        // Two accounts of one name and a third with that name as its alias: the exact look-up names all three.
        var matcher = new AccountMatcher(
        [
            Account("10", "Umbrella"),
            Account("11", "Globex"),
            Account("12", "Umbrella"),
            Account("13", "Umbrella Holdings Europe", null, "umbrella"),
        ]);

        var match = matcher.Match("UMBRELLA");

        Assert.Equal(MatchOutcome.Ambiguous, match.Outcome);
        Assert.Equal(["10", "12", "13"], match.Candidates.Select(c => c.Id));
        Assert.Equal("11", matcher.Match("globex").Account!.Id);
    }

    [Fact]
    public void An_unknown_name_suggests_only_accounts_part_of_it_really_matches()
    {
        var unrelated = _matcher.Match("Wonka Industries");
        var nearMiss = _matcher.Match("Pied Pipes Holdings");

        Assert.Equal(MatchOutcome.NotFound, unrelated.Outcome);
        Assert.Null(unrelated.Account);
        Assert.Empty(unrelated.Candidates);
        Assert.Equal(MatchOutcome.NotFound, nearMiss.Outcome);
        Assert.Contains(nearMiss.Candidates, a => a.Name == "Pied Piper Inc.");
        Assert.InRange(nearMiss.Candidates.Count, 1, 3);
    }
}
