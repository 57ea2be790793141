using CsBot.Teams.Inbound;
using Microsoft.Bot.Schema;
using CsBot.Core.Messaging;
using CsBot.Teams.Rendering;
using Newtonsoft.Json.Linq;

namespace CsBot.Teams.Tests;

public class CardActionDataTests
{
    [Fact]
    public void Reads_the_data_a_submit_button_sent()
    {
        var data = CardActionData.TryRead(JObject.Parse("""{"kind":"Snooze7Days","value":"acc-1:usage-cliff"}"""));

        Assert.Equal(new CardActionData(ActionKind.Snooze7Days, "acc-1:usage-cliff"), data);
    }

    [Theory]
    [InlineData("""{"kind":"Explode","value":"x"}""")]
    [InlineData("""{"kind":"3","value":"x"}""")]
    [InlineData("""{"kind":{"nested":true},"value":"x"}""")]
    [InlineData("""{"value":"x"}""")]
    [InlineData("""{"kind":"Why"}""")]
    [InlineData("""not json""")]
    public void Anything_else_is_not_one_of_our_buttons(string value)
    {
        Assert.Null(CardActionData.TryRead(value));
    }
}

public class MessageTextTests
{
    private static Activity Message(string text, params Entity[] entities) => new(ActivityTypes.Message)
    {
        Text = text,
        Recipient = new ChannelAccount("28:csbot", "CsBot"),
        Entities = [.. entities],
    };

    private static Entity Mention(string id, string text)
    {
        var entity = new Entity();
        entity.SetAs(new Mention { Mentioned = new ChannelAccount(id, "x"), Text = text });
        return entity;
    }

    [Fact]
    public void Only_the_bots_mention_is_removed_and_others_keep_their_names()
    {
        var text = MessageText.Question(Message("<at>CsBot</at> health of <at>Acme&amp;Co</at>  please", Mention("28:csbot", "<at>CsBot</at>"), Mention("29:acme", "<at>Acme&amp;Co</at>")));

        Assert.Equal("health of Acme&Co please", text);
    }

    [Fact]
    public void A_malformed_mention_entity_does_not_break_the_question()
    {
        var text = MessageText.Question(Message("<at>CsBot</at> help", new Entity("mention")));

        Assert.Equal("help", text);
    }

    [Fact]
    public void Html_entities_from_Teams_are_decoded()
    {
        Assert.Equal("health of AT&T", MessageText.Question(Message("health of AT&amp;T")));
    }
}
