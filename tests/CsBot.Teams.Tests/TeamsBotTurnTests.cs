using CsBot.Application.Actions;
using CsBot.Application.Alerts;
using CsBot.Application.Asking;
using CsBot.Application.ReadModel;
using CsBot.Core.Messaging;
using CsBot.Core.Ports;
using CsBot.DemoData;
using CsBot.Teams.Inbound;
using CsBot.Teams.Outbound;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Adapters;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Newtonsoft.Json.Linq;

namespace CsBot.Teams.Tests;

/// <summary>Turn logic with the Bot Framework's TestAdapter, over the host's real services and demo portfolio.</summary>
public sealed class TeamsBotTurnTests : IClassFixture<TeamsBotTurnTests.Services>
{
    private const string Channel = "19:turns@thread.tacv2";
    private readonly Services _services;

    public TeamsBotTurnTests(Services services) => _services = services;

    public sealed class Services : IDisposable
    {
        public CsBotHost Factory { get; } = TeamsHost.Create();
        public IServiceProvider Provider => Factory.Services;
        public void Dispose() => Factory.Dispose();
    }

    [Fact]
    public async Task The_mention_is_stripped_before_the_question_is_asked()
    {
        await Flow(Bot(), ChannelReference())
            .Send(ChannelMessage("<at>CsBot</at> health of Initech"))
            .AssertReply(a => Assert.StartsWith("Initech: health ", Title(a)))
            .StartTestAsync();
    }

    [Fact]
    public async Task A_channel_subscribes_to_the_digest_for_one_segment_in_the_engines_words_and_can_unsubscribe()
    {
        var digests = Provider.GetRequiredService<IDigestSubscriptions>();

        await Flow(Bot(), ChannelReference())
            .Send(ChannelMessage("<at>CsBot</at> Subscribe this channel to the weekly digest for Enterprise"))
            .AssertReply(a =>
            {
                Assert.Equal("This channel is subscribed to the weekly digest", Title(a));
                Assert.Contains("covering the Enterprise segment", CardText(a));
            })
            .StartTestAsync();

        // Under the channel's conversation id, not its name: names repeat across teams.
        var subscription = digests.Find(Channel);
        Assert.NotNull(subscription);
        Assert.Equal("Enterprise", subscription.Segment);
        Assert.Equal(Channel, subscription.Channel);
        Assert.Null(digests.Find("turns"));

        await Flow(Bot(), ChannelReference())
            .Send(ChannelMessage("<at>CsBot</at> unsubscribe this channel from the digest"))
            .AssertReply(a => Assert.Equal("This channel will no longer get the weekly digest", Title(a)))
            .StartTestAsync();
        Assert.Null(digests.Find(Channel));
    }

    [Fact]
    public async Task Digest_subscription_in_a_personal_chat_points_to_channels()
    {
        var before = Provider.GetRequiredService<IDigestSubscriptions>().GetAll().Count;

        await Flow(Bot(), PersonalReference("a:turns-personal"))
            .Send("subscribe to the weekly digest")
            .AssertReply(a => Assert.StartsWith("Ask me in the channel that should get the weekly digest", Title(a)))
            .StartTestAsync();

        Assert.Equal(before, Provider.GetRequiredService<IDigestSubscriptions>().GetAll().Count);
    }

    [Fact]
    public async Task A_tenant_outside_the_allow_list_is_refused_and_not_remembered()
    {
        var options = new TeamsOptions { AllowedTenants = ["11111111-1111-1111-1111-111111111111"] };

        await Flow(Bot(options), PersonalReference("a:turns-other-tenant"))
            .Send("health of Initech")
            .AssertReply(TeamsBot.TenantRefusal)
            .StartTestAsync();

        Assert.Null(Store.Get("teams", "a:turns-other-tenant"));
    }

    [Fact]
    public async Task Choose_asks_the_follow_up_question_it_carries()
    {
        await Flow(Bot(), PersonalReference("a:turns-choose"))
            .Send(Submit("Choose", "health of Initrode"))
            .AssertReply(a => Assert.StartsWith("Initrode: health ", Title(a)))
            .StartTestAsync();
    }

    [Fact]
    public async Task Why_asks_why_for_the_account_the_button_names()
    {
        var initech = Provider.GetRequiredService<IPortfolioStore>().GetAccounts().Single(a => a.Name == DemoScenarios.Initech);

        await Flow(Bot(), PersonalReference("a:turns-why"))
            .Send(Submit("Why", initech.Id))
            .AssertReply(a => Assert.StartsWith("Why Initech scores ", Title(a)))
            .StartTestAsync();
    }

    [Fact]
    public async Task An_unknown_button_gets_a_polite_answer()
    {
        await Flow(Bot(), PersonalReference("a:turns-unknown"))
            .Send(Submit("SelfDestruct", "now"))
            .AssertReply(a => Assert.Equal("That button no longer works", Title(a)))
            .StartTestAsync();
    }

    [Fact]
    public async Task Acknowledge_on_an_alert_that_no_longer_exists_gets_a_polite_reply()
    {
        await Flow(Bot(), PersonalReference("a:turns-ack-gone"))
            .Send(Submit("Acknowledge", "acc-9999:no-such-rule"))
            .AssertReply(a => Assert.Equal("I couldn't find that alert", Title(a)))
            .StartTestAsync();
    }

    [Fact]
    public async Task Snooze_goes_to_the_alert_actions_as_the_person_who_pressed()
    {
        var actions = new RecordingAlertActions();

        await Flow(Bot(alertActions: actions), PersonalReference("a:turns-snooze"))
            .Send(Submit("Snooze7Days", "acc-1:usage-cliff"))
            .AssertReply(a => Assert.Equal("Snooze7Days acc-1:usage-cliff for Dana Whitfield", Title(a)))
            .StartTestAsync();

        var call = Assert.Single(actions.Calls);
        Assert.Equal((ActionKind.Snooze7Days, "acc-1:usage-cliff", "aad-dana", "teams"), (call.Kind, call.AlertId, call.Asker.UserId, call.Asker.Platform));
    }

    [Fact]
    public async Task Installing_the_app_in_a_team_remembers_the_channel_and_says_hello()
    {
        var reference = ChannelReference();
        var install = new Activity(ActivityTypes.ConversationUpdate)
        {
            MembersAdded = [new ChannelAccount("28:csbot", "CsBot")],
            ChannelData = ChannelData("Customer Success", name: null, id: "19:team-root@thread.tacv2"),
        };
        reference.Conversation = new ConversationAccount(isGroup: true, conversationType: "channel", id: "19:team-root@thread.tacv2", tenantId: TeamsActivities.Tenant);

        await Flow(Bot(), reference)
            .Send(install)
            .AssertReply(a => Assert.StartsWith("Hi, I'm CsBot", Title(a)))
            .StartTestAsync();

        // Teams leaves the team's first channel nameless; people call it General.
        Assert.Equal("19:team-root@thread.tacv2", Store.FindChannel("teams", "general")!.ConversationId);
    }

    private IServiceProvider Provider => _services.Provider;
    private IConversationStore Store => Provider.GetRequiredService<IConversationStore>();

    private TeamsBot Bot(TeamsOptions? options = null, IAlertActions? alertActions = null)
    {
        var cards = Provider.GetRequiredService<PostedCards>();
        var buttons = alertActions is null
            ? Provider.GetRequiredService<ButtonPressHandler>()
            : new ButtonPressHandler(Provider.GetRequiredService<AskService>(), alertActions, Provider.GetRequiredService<PortfolioView>(),
                Provider.GetRequiredService<CsBot.Application.Access.AccessPolicy>(), NullLogger<ButtonPressHandler>.Instance);
        var handler = new CardActionHandler(buttons, cards, NullLogger<CardActionHandler>.Instance);
        return new TeamsBot(options ?? new TeamsOptions(), Provider.GetRequiredService<ConversationCapture>(), Provider.GetRequiredService<AskService>(), handler, cards, Store, NullLogger<TeamsBot>.Instance);
    }

    private static TestFlow Flow(IBot bot, ConversationReference reference) => new(new TestAdapter(reference), bot);

    private static ConversationReference ChannelReference() => new()
    {
        ChannelId = "msteams",
        ServiceUrl = "https://smba.test.invalid/",
        User = new ChannelAccount("29:user-dana", "Dana Whitfield", aadObjectId: "aad-dana"),
        Bot = new ChannelAccount("28:csbot", "CsBot"),
        Conversation = new ConversationAccount(isGroup: true, conversationType: "channel", id: Channel + ";messageid=1", tenantId: TeamsActivities.Tenant),
    };

    private static ConversationReference PersonalReference(string id) => new()
    {
        ChannelId = "msteams",
        ServiceUrl = "https://smba.test.invalid/",
        User = new ChannelAccount("29:user-dana", "Dana Whitfield", aadObjectId: "aad-dana"),
        Bot = new ChannelAccount("28:csbot", "CsBot"),
        Conversation = new ConversationAccount(conversationType: "personal", id: id, tenantId: TeamsActivities.Tenant),
    };

    private static Activity ChannelMessage(string text) => new(ActivityTypes.Message)
    {
        Text = text,
        Entities = [MentionOfBot()],
        ChannelData = ChannelData("Customer Success", "turns", Channel),
    };

    /// <summary>As deserialised from Teams' JSON: the mention's fields are in the entity's properties.</summary>
    private static Entity MentionOfBot()
    {
        var entity = new Entity();
        entity.SetAs(new Mention { Mentioned = new ChannelAccount("28:csbot", "CsBot"), Text = "<at>CsBot</at>" });
        return entity;
    }

    private static JObject ChannelData(string team, string? name, string id) => JObject.FromObject(new
    {
        channel = new { id, name },
        team = new { id = "19:team-root@thread.tacv2", name = team },
        tenant = new { id = TeamsActivities.Tenant },
    });

    private static Activity Submit(string kind, string value) => new(ActivityTypes.Message)
    {
        ReplyToId = "card-1",
        Value = JObject.FromObject(new { kind, value }),
    };

    private static string CardText(IActivity activity) => ((JObject)((IMessageActivity)activity).Attachments[0].Content).ToString();

    private static string Title(IActivity activity)
    {
        var card = (JObject)((IMessageActivity)activity).Attachments[0].Content;
        return card["body"]![0]!["items"]![0]!["text"]!.Value<string>()!;
    }
}
