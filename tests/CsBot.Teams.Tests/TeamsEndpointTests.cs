using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CsBot.Application.Alerts;
using CsBot.Core;
using CsBot.Core.Messaging;
using CsBot.Core.Ports;
using CsBot.Teams.Outbound;
using Microsoft.Extensions.DependencyInjection;
using Snapshooter.Xunit;

namespace CsBot.Teams.Tests;

/// <summary>
/// The whole host over HTTP in local mode: Teams-shaped activities posted to /api/messages, answered through a fake
/// Bot Connector on 127.0.0.1 that records every reply, post and card update.
/// </summary>
public sealed class TeamsEndpointTests : IClassFixture<TeamsEndpointTests.Host>
{
    private readonly Host _host;

    public TeamsEndpointTests(Host host) => _host = host;

    public sealed class Host : IDisposable
    {
        public FakeConnector Connector { get; } = new();
        public RecordingAlertActions AlertActions { get; } = new();
        public CsBotHost Factory { get; }
        public HttpClient Client { get; }

        public Host()
        {
            Factory = TeamsHost.Create(services: s => s.AddSingleton<IAlertActions>(AlertActions));
            Client = Factory.CreateClient();
        }

        public T Service<T>() where T : notnull => Factory.Services.GetRequiredService<T>();

        public Task<HttpResponseMessage> PostAsync(JsonObject activity) => Client.PostAsJsonAsync("/api/messages", activity);

        public void Dispose()
        {
            Client.Dispose();
            Factory.Dispose();
            Connector.Dispose();
        }
    }

    [Fact]
    public async Task A_channel_question_after_a_mention_is_answered_in_its_thread_with_a_card()
    {
        var response = await _host.PostAsync(TeamsActivities.ChannelMessage(_host.Connector.Url, "health of Acme Corp", id: "1700000000555"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        // The answer's card comes first; its health chart follows in a card of its own.
        var replies = _host.Connector.Find("POST", $"/v3/conversations/{TeamsActivities.ChannelId};messageid=1700000000555/activities/1700000000555");
        Assert.Equal(2, replies.Count);
        var reply = replies[0];
        Assert.Equal("message", reply.Json["type"]!.GetValue<string>());
        var card = reply.Card!;
        Assert.Equal("1.5", card["version"]!.GetValue<string>());
        Assert.StartsWith("Acme Corp: health ", card["body"]![0]!["items"]![0]!["text"]!.GetValue<string>());
        Assert.StartsWith("Acme Corp health ", reply.Json["summary"]!.GetValue<string>());
        Assert.Contains("Acme Corp: health", card["fallbackText"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_channel_is_remembered_with_its_name_and_team_and_subscribes_by_its_conversation_id()
    {
        await _host.PostAsync(TeamsActivities.ChannelMessage(_host.Connector.Url, "subscribe this channel to the weekly digest", id: "1700000000777"));

        var store = _host.Service<IConversationStore>();
        var channel = store.FindChannel("teams", "#cs-alerts");
        Assert.NotNull(channel);
        Assert.Equal(TeamsActivities.ChannelId, channel.ConversationId);
        Assert.Equal("Customer Success", channel.TeamName);
        Assert.Equal(TeamsActivities.Tenant, channel.TenantId);
        // Subscribed under the channel's conversation id, the address the digest job sends to and the Teams sender resolves.
        var subscription = _host.Service<IDigestSubscriptions>().Find(TeamsActivities.ChannelId);
        Assert.NotNull(subscription);
        Assert.Equal(TeamsActivities.ChannelId, subscription.Channel);
        var reply = _host.Connector.Find("POST", $"/v3/conversations/{TeamsActivities.ChannelId};messageid=1700000000777/activities/").Single();
        Assert.Equal("This channel is subscribed to the weekly digest", reply.Card!["body"]![0]!["items"]![0]!["text"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_group_chat_subscribes_by_its_conversation_id_and_its_digest_is_posted_there()
    {
        const string group = "19:group-digest@thread.v2";
        var message = TeamsActivities.PersonalMessage(_host.Connector.Url, "subscribe to the weekly digest", conversationId: group, id: "1700000000901");
        message["conversation"] = new JsonObject { ["isGroup"] = true, ["conversationType"] = "groupChat", ["tenantId"] = TeamsActivities.Tenant, ["id"] = group };

        await _host.PostAsync(message);

        var subscription = _host.Service<IDigestSubscriptions>().Find(group);
        Assert.NotNull(subscription);
        var sent = await _host.Service<TeamsChatSender>().SendAsync(new OutgoingMessage(Recipient.Channel(subscription.Channel), Alert("digest-stand-in"), "k-group"), default);
        Assert.True(sent.Delivered, sent.Error);
        Assert.Single(_host.Connector.Requests, r => r.Method == "POST" && r.Path == $"/v3/conversations/{group}/activities");
    }

    [Fact]
    public async Task Installing_in_a_personal_chat_welcomes_the_person_and_learns_their_email()
    {
        await _host.PostAsync(TeamsActivities.PersonalInstall(_host.Connector.Url, "a:install-test"));

        var person = _host.Service<IConversationStore>().Get("teams", "a:install-test");
        Assert.NotNull(person);
        Assert.Equal(ConversationScope.Personal, person.Scope);
        Assert.Equal(FakeConnector.MemberEmail, person.Email);
        Assert.Equal("aad-dana", person.UserId);
        Assert.Single(_host.Connector.Find("GET", "/v3/conversations/a:install-test/members/29:user-dana"));
        var welcome = Assert.Single(_host.Connector.Find("POST", "/v3/conversations/a:install-test/activities/"));
        Assert.StartsWith("Hi, I'm CsBot", welcome.Card!["body"]![0]!["items"]![0]!["text"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_alert_reaches_a_person_by_email_and_a_channel_by_name_as_new_posts()
    {
        await _host.PostAsync(TeamsActivities.PersonalInstall(_host.Connector.Url, "a:proactive-dana"));
        await _host.PostAsync(TeamsActivities.ChannelMessage(_host.Connector.Url, "help", id: "1700000000888"));
        var sender = _host.Service<TeamsChatSender>();

        var toPerson = await sender.SendAsync(new OutgoingMessage(Recipient.Person(FakeConnector.MemberEmail.ToUpperInvariant(), "Dana"), Alert("a-1"), "k1"), default);
        var toChannel = await sender.SendAsync(new OutgoingMessage(Recipient.Channel("#cs-alerts"), Alert("a-2"), "k2"), default);

        Assert.True(toPerson.Delivered, toPerson.Error);
        Assert.True(toChannel.Delivered, toChannel.Error);
        Assert.StartsWith("post-", toPerson.PlatformMessageId);
        var personPost = Assert.Single(_host.Connector.Find("POST", "/v3/conversations/a:proactive-dana/activities"), r => r.Path.EndsWith("/activities"));
        Assert.Equal("Globex is at risk", personPost.Card!["body"]![0]!["items"]![0]!["text"]!.GetValue<string>());
        Assert.Equal("attention", personPost.Card["body"]![0]!["style"]!.GetValue<string>());
        // The activity as it went over the wire to Teams, minus what changes per run.
        var posted = personPost.Json;
        foreach (var volatileField in new[] { "id", "serviceUrl", "timestamp", "localTimestamp" }) posted.Remove(volatileField);
        Snapshot.Match(Newtonsoft.Json.Linq.JObject.Parse(posted.ToJsonString()));
        Assert.Single(_host.Connector.Requests, r => r.Method == "POST" && r.Path == $"/v3/conversations/{TeamsActivities.ChannelId}/activities");
    }

    [Fact]
    public async Task Someone_CsBot_cannot_reach_is_a_permanent_failure_that_says_what_to_do()
    {
        var result = await _host.Service<TeamsChatSender>().SendAsync(new OutgoingMessage(Recipient.Person("nobody@example.com", "Nobody"), Alert("a-3"), "k3"), default);

        Assert.False(result.Delivered);
        Assert.False(result.Transient);
        Assert.Contains("install CsBot", result.Error);
    }

    [Theory]
    [InlineData(429, "Throttled", "7", true, 7)]
    [InlineData(412, "PreconditionFailed", null, true, null)]
    [InlineData(502, "BadGateway", null, true, null)]
    [InlineData(403, "ConversationBlockedByUser", null, false, null)]
    [InlineData(403, "BotNotInConversationRoster", null, false, null)]
    [InlineData(404, "ConversationNotFound", null, false, null)]
    [InlineData(413, "MessageSizeTooBig", null, false, null)]
    public async Task Connector_failures_map_to_retry_or_give_up(int status, string code, string? retryAfter, bool transient, int? retrySeconds)
    {
        var conversationId = $"a-fail-{status}-{code}";
        _host.Connector.Fail(conversationId, status, code, retryAfter);
        var email = $"{code}.{status}@example.com";
        _host.Service<IConversationStore>().Save(new ChatConversation
        {
            Platform = "teams",
            ConversationId = conversationId,
            Scope = ConversationScope.Personal,
            Email = email,
            UpdatedAt = DateTimeOffset.UtcNow,
            Reference = ConversationReferences.Serialize(new Microsoft.Bot.Schema.ConversationReference
            {
                ChannelId = "msteams",
                ServiceUrl = _host.Connector.Url,
                Conversation = new Microsoft.Bot.Schema.ConversationAccount(id: conversationId),
                Bot = new Microsoft.Bot.Schema.ChannelAccount(TeamsActivities.BotId),
            }),
        });

        var result = await _host.Service<TeamsChatSender>().SendAsync(new OutgoingMessage(Recipient.Person(email, "X"), Alert("a-4"), "k4"), default);

        Assert.False(result.Delivered);
        Assert.Equal(transient, result.Transient);
        Assert.Contains(code, result.Error);
        Assert.Equal(retrySeconds is { } s ? TimeSpan.FromSeconds(s) : null, result.RetryAfter);
    }

    [Fact]
    public async Task Acknowledge_on_an_alert_card_applies_it_and_redraws_that_card_in_place()
    {
        await _host.PostAsync(TeamsActivities.PersonalInstall(_host.Connector.Url, "a:ack-dana"));
        var sent = await _host.Service<TeamsChatSender>().SendAsync(new OutgoingMessage(Recipient.Person("aad-dana", "Dana"), Alert("globex:usage-cliff"), "k5"), default);
        Assert.True(sent.Delivered, sent.Error);

        await _host.PostAsync(TeamsActivities.CardSubmit(_host.Connector.Url, "Acknowledge", "globex:usage-cliff", sent.PlatformMessageId!, "a:ack-dana"));

        var call = Assert.Single(_host.AlertActions.Calls, c => c.AlertId == "globex:usage-cliff");
        Assert.Equal(ActionKind.Acknowledge, call.Kind);
        Assert.Equal("aad-dana", call.Asker.UserId);
        Assert.Equal("teams", call.Asker.Platform);
        Assert.Equal("Globex is at risk", call.Original?.Title);
        var update = Assert.Single(_host.Connector.Find("PUT", $"/v3/conversations/a:ack-dana/activities/{sent.PlatformMessageId}"));
        Assert.Contains("Acknowledge by Dana Whitfield", update.Body);
        Assert.DoesNotContain("Action.Submit", update.Body);
        var reply = Assert.Single(_host.Connector.Find("POST", "/v3/conversations/a:ack-dana/activities/1700000000202"));
        Assert.Equal("Acknowledge globex:usage-cliff for Dana Whitfield", reply.Card!["body"]![0]!["items"]![0]!["text"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("X-Forwarded-For", "203.0.113.7")]
    [InlineData("Forwarded", "for=203.0.113.7")]
    [InlineData("X-Real-IP", "203.0.113.7")]
    public async Task A_request_relayed_by_a_proxy_on_this_machine_is_refused_in_local_mode(string header, string value)
    {
        // The proxy (or tunnel) connects from loopback, so only its forwarding header tells the request came from elsewhere.
        using var factory = TeamsHost.Create(new Dictionary<string, string?> { ["Demo:Enabled"] = "false" });
        using var client = factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = JsonContent.Create(TeamsActivities.PersonalMessage(_host.Connector.Url, "help")) };
        request.Headers.TryAddWithoutValidation(header, value);

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("Teams:AllowRemoteLocalMode", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_remote_client_is_refused_in_local_mode()
    {
        using var factory = TeamsHost.Create(new Dictionary<string, string?> { ["Demo:Enabled"] = "false" });
        factory.ClientAddress = IPAddress.Parse("10.1.2.3");
        using var client = factory.CreateClient();

        var response = await client.PostAsJsonAsync("/api/messages", TeamsActivities.PersonalMessage(_host.Connector.Url, "help"));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("Teams:AllowRemoteLocalMode", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("not a url")]
    [InlineData("")]
    public async Task An_activity_without_a_usable_service_url_is_a_400_not_a_500(string? serviceUrl)
    {
        var activity = TeamsActivities.PersonalMessage(_host.Connector.Url, "help");
        if (serviceUrl is null) activity.Remove("serviceUrl");
        else activity["serviceUrl"] = serviceUrl;

        var response = await _host.PostAsync(activity);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Without_Teams_settings_the_host_has_no_bot_endpoint()
    {
        using var factory = TeamsHost.Create(new Dictionary<string, string?> { ["Teams:EnableLocalMode"] = "false", ["Demo:Enabled"] = "false" });
        using var client = factory.CreateClient();

        var response = await client.PostAsJsonAsync("/api/messages", TeamsActivities.PersonalMessage(_host.Connector.Url, "help"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Null(factory.Services.GetService<TeamsChatSender>());
    }

    [Theory]
    [InlineData("Auto", typeof(CsBot.Chat.Local.ConsoleChatSender))]
    [InlineData("Teams", typeof(TeamsChatSender))]
    public void Teams_in_local_mode_answers_questions_but_notifies_only_when_chosen(string platform, Type expected)
    {
        using var factory = TeamsHost.Create(new Dictionary<string, string?> { ["Chat:Platform"] = platform, ["Demo:Enabled"] = "false" });

        // Without app credentials Auto keeps notifications on the local sink; Chat:Platform=Teams sends them to Teams.
        Assert.IsType(expected, factory.Services.GetRequiredService<IChatSender>());
    }

    [Fact]
    public async Task A_tenant_outside_the_allow_list_gets_a_polite_refusal_and_nothing_is_stored()
    {
        using var connector = new FakeConnector();
        using var factory = TeamsHost.Create(new Dictionary<string, string?>
        {
            ["Demo:Enabled"] = "false",
            ["Teams:AllowedTenants:0"] = "11111111-1111-1111-1111-111111111111",
        });
        using var client = factory.CreateClient();

        await client.PostAsJsonAsync("/api/messages", TeamsActivities.ChannelMessage(connector.Url, "health of Acme Corp", id: "1700000000999"));

        var reply = Assert.Single(connector.Find("POST", "/v3/conversations/"));
        Assert.Equal(Inbound.TeamsBot.TenantRefusal, reply.Json["text"]!.GetValue<string>());
        Assert.Null(factory.Services.GetRequiredService<IConversationStore>().FindChannel("teams", "cs-alerts"));
    }

    internal static ChatMessage Alert(string alertId) => new()
    {
        Title = "Globex is at risk",
        Severity = Severity.High,
        FallbackText = "Globex is at risk: active users down 62%",
        Sections =
        [
            new MessageSection
            {
                Heading = "Globex: usage-cliff",
                Text = "active users down 62% (48 -> 18) vs 28-day baseline",
                Fields = [new("Severity", "High"), new("Health", "38 (Poor)")],
                Actions = [new(ActionKind.Acknowledge, "Acknowledge", alertId, ActionStyle.Primary), new(ActionKind.Why, "Why?", "acc-globex")],
            },
        ],
    };
}
