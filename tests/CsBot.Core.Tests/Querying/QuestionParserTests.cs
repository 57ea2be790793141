using CsBot.Core.Querying;

namespace CsBot.Core.Tests.Querying;

public class QuestionParserTests
{
    [Theory]
    [InlineData("health of Acme", IntentKind.AccountHealth, "Acme")]
    [InlineData("how is Acme doing?", IntentKind.AccountHealth, "Acme")]
    [InlineData("How's Initech", IntentKind.AccountHealth, "Initech")]
    [InlineData("acme", IntentKind.AccountHealth, "acme")]
    [InlineData("/cs health acme corp", IntentKind.AccountHealth, "acme corp")]
    [InlineData("@CsBot health for Globex", IntentKind.AccountHealth, "Globex")]
    [InlineData("show me the health score of Pied Piper", IntentKind.AccountHealth, "Pied Piper")]
    [InlineData("why is Acme at risk?", IntentKind.Why, "Acme")]
    [InlineData("Why Initech", IntentKind.Why, "Initech")]
    [InlineData("help", IntentKind.Help, null)]
    [InlineData("/cs", IntentKind.Help, null)]
    [InlineData("   ", IntentKind.Help, null)]
    public void Understands_account_questions(string text, IntentKind intent, string? account)
    {
        var parsed = QuestionParser.Parse(text);

        Assert.Equal(intent, parsed.Intent);
        Assert.Equal(account, parsed.AccountText);
    }

    [Theory]
    [InlineData("subscribe this channel to the weekly digest", null)]
    [InlineData("subscribe this channel to the weekly digest for Enterprise", "Enterprise")]
    [InlineData("please send the weekly digest for the mid market segment here", "mid market")]
    public void Subscribing_says_which_segment_the_digest_covers(string text, string? segment)
    {
        var parsed = QuestionParser.Parse(text);

        Assert.Equal(IntentKind.Subscribe, parsed.Intent);
        Assert.Equal(segment, parsed.Segment);
    }
}
