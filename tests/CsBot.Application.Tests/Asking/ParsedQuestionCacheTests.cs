using CsBot.Application.Asking;
using CsBot.Core.Querying;

namespace CsBot.Application.Tests.Asking;

/// <summary>
/// A question typed again is parsed once per set of account names; a new set of names (an account added or renamed)
/// parses it again, the cache stays bounded, and what an asker may see is decided per question, never shared.
/// </summary>
public class ParsedQuestionCacheTests
{
    private static readonly DateOnly Today = new(2026, 11, 26);
    private static readonly IReadOnlyCollection<string> Segments = ["Enterprise", "Mid-Market", "SMB"];
    private const string Chatty = "hey, I have a call with Vandelay in 10 min, how are they looking?";

    [Fact]
    public void A_question_asked_again_against_the_same_names_is_parsed_once_and_reads_as_parsing_it_does()
    {
        var cache = new ParsedQuestionCache();
        var names = new KnownNames(["Vandelay Industries"]);

        var first = cache.Parse(Chatty, Today, Segments, names);

        Assert.Equal(QuestionParser.Parse(Chatty, Today, Segments, names), first);
        Assert.Same(first, cache.Parse(Chatty, Today, Segments, names));
    }

    [Fact]
    public void An_account_that_appears_in_the_names_is_found_in_a_question_asked_before_it_existed()
    {
        var cache = new ParsedQuestionCache();

        var before = cache.Parse(Chatty, Today, Segments, new KnownNames(["Initech"]));
        var after = cache.Parse(Chatty, Today, Segments, new KnownNames(["Initech", "Vandelay Industries"]));

        Assert.NotEqual(IntentKind.AccountHealth, before.Intent);
        Assert.Equal(IntentKind.AccountHealth, after.Intent);
        Assert.Equal("vandelay", after.AccountText, ignoreCase: true);
    }

    [Fact]
    public void A_question_on_another_day_is_parsed_for_that_day()
    {
        var cache = new ParsedQuestionCache();
        var names = new KnownNames(["Initech"]);

        var thisQuarter = cache.Parse("nrr last quarter", Today, Segments, names);
        var nextQuarter = cache.Parse("nrr last quarter", Today.AddMonths(3), Segments, names);

        Assert.NotEqual(thisQuarter.Period, nextQuarter.Period);
    }

    [Fact]
    public void The_cache_holds_no_more_than_its_capacity_and_skips_long_questions()
    {
        var cache = new ParsedQuestionCache();
        var names = new KnownNames(["Initech"]);

        for (var i = 0; i < ParsedQuestionCache.Capacity + 100; i++)
            cache.Parse($"health of account {i}", Today, Segments, names);
        Assert.InRange(cache.Count, 1, ParsedQuestionCache.Capacity);

        var fresh = new ParsedQuestionCache();
        fresh.Parse("health of " + new string('x', ParsedQuestionCache.MaxCachedLength), Today, Segments, names);
        Assert.Equal(0, fresh.Count);
    }

    [Fact]
    public void The_same_question_from_a_csm_and_from_their_manager_is_answered_for_each()
    {
        var data = new AnswerFixture();
        data.Access.RestrictOtherBooks = true;
        var ask = data.Service();
        var marcus = new Asker("U_MARCUS", "Marcus Oyelaran", "slack", "marcus@csbot.example");
        var elena = new Asker("U_ELENA", "Elena Novak", "slack", "elena@csbot.example");

        var refused = ask.Ask("health of Big Co", marcus);
        var shown = ask.Ask("health of Big Co", elena);
        var refusedAgain = ask.Ask("health of Big Co", marcus);

        Assert.Equal("Accounts owned by Dana Whitfield are visible to their owner and to managers only.", refused.Title);
        Assert.StartsWith("Big Co", shown.Title);
        Assert.Equal(refused.Title, refusedAgain.Title);
    }
}
