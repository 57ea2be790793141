using System.Net;
using System.Text.Json.Nodes;
using CsBot.Application.Alerts;
using CsBot.Core.Messaging;
using CsBot.Core.Ports;
using CsBot.Slack.Outbound;
using CsBot.Slack.Tests.Rendering;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using static CsBot.Slack.Tests.Host.SlackHost;

namespace CsBot.Slack.Tests.Host;

/// <summary>
/// The whole host with Slack configured, driven by real signed HTTP requests the way Slack sends them, talking to a
/// fake Slack Web API. Each test uses its own channel so the shared host's traffic does not mix.
/// </summary>
public sealed class SlackHostTests : IClassFixture<SlackHostTests.Host>
{
    public sealed class Host : IDisposable
    {
        public FakeSlack Slack { get; } = new();
        public RecordingAlertActions AlertActions { get; } = new();
        public CsBotHost Factory { get; }
        public HttpClient Client { get; }
        public GatedAnswerer Answerer => (GatedAnswerer)Factory.Services.GetRequiredService<IQuestionAnswerer>();

        public Host()
        {
            // The most Slack allows: a quick answer on a loaded machine still comes back directly; the slow one is gated.
            Factory = SlackHost.Create(Slack, new Dictionary<string, string?> { ["Slack:DirectAnswerMilliseconds"] = "2500" }, services =>
            {
                services.AddSingleton<IAlertActions>(AlertActions);
                services.Replace(ServiceDescriptor.Singleton<IQuestionAnswerer, GatedAnswerer>());
            });
            Client = Factory.CreateClient();
        }

        public void Dispose()
        {
            Factory.Dispose();
            Slack.Dispose();
        }
    }

    private readonly Host _host;
    private FakeSlack Slack => _host.Slack;

    public SlackHostTests(Host host) => _host = host;

    private Task<HttpResponseMessage> Command(string text, string team = FakeSlack.TeamId, string responseUrl = "cmd") =>
        _host.Client.SendAsync(Signed("/slack/commands", Form(("token", "x"), ("team_id", team), ("channel_id", "C0CMD0001"), ("user_id", "U0PRIYA01"),
            ("user_name", "priya"), ("command", "/cs"), ("text", text), ("response_url", Slack.ResponseUrl(responseUrl)), ("trigger_id", "1.2.3")),
            "application/x-www-form-urlencoded"));

    private Task<HttpResponseMessage> Event(JsonObject e, string eventId, string team = FakeSlack.TeamId, int? retry = null)
    {
        var body = new JsonObject { ["token"] = "x", ["team_id"] = team, ["type"] = "event_callback", ["event_id"] = eventId, ["event_time"] = 1700000000, ["event"] = e.DeepClone() };
        var request = Signed("/slack/events", body.ToJsonString(), "application/json");
        if (retry is { } n)
        {
            request.Headers.Add("X-Slack-Retry-Num", n.ToString(System.Globalization.CultureInfo.InvariantCulture));
            request.Headers.Add("X-Slack-Retry-Reason", "http_timeout");
        }
        return _host.Client.SendAsync(request);
    }

    private Task<HttpResponseMessage> Press(string actionId, string value, string channel, string ts, string responseUrl, string team = FakeSlack.TeamId)
    {
        var payload = new JsonObject
        {
            ["type"] = "block_actions",
            ["team"] = new JsonObject { ["id"] = team, ["domain"] = "acme" },
            ["user"] = new JsonObject { ["id"] = "U0PRIYA01", ["username"] = "priya", ["name"] = "priya", ["team_id"] = team },
            ["container"] = new JsonObject { ["type"] = "message", ["message_ts"] = ts, ["channel_id"] = channel, ["is_ephemeral"] = false },
            ["channel"] = new JsonObject { ["id"] = channel, ["name"] = "directmessage" },
            ["message"] = new JsonObject { ["type"] = "message", ["ts"] = ts, ["text"] = "..." },
            ["response_url"] = Slack.ResponseUrl(responseUrl),
            ["actions"] = new JsonArray(new JsonObject { ["action_id"] = actionId, ["block_id"] = "b1", ["value"] = value, ["type"] = "button", ["action_ts"] = "1700000200.1" }),
        };
        return _host.Client.SendAsync(Signed("/slack/interactions", Form(("payload", payload.ToJsonString())), "application/x-www-form-urlencoded"));
    }

    private static JsonObject Mention(string channel, string text, string ts, string? threadTs = null) => new()
    {
        ["type"] = "app_mention", ["user"] = "U0PRIYA01", ["text"] = text, ["ts"] = ts, ["channel"] = channel, ["event_ts"] = ts, ["thread_ts"] = threadTs,
    };

    private static JsonObject DirectMessage(string channel, string text, string ts, string user = "U0PRIYA01") => new()
    {
        ["type"] = "message", ["channel_type"] = "im", ["user"] = user, ["text"] = text, ["ts"] = ts, ["channel"] = channel, ["event_ts"] = ts,
    };

    private IReadOnlyList<JsonObject> PostsTo(string channel) => [.. Slack.Bodies("/api/chat.postMessage").Where(b => (string?)b["channel"] == channel)];

    [Fact]
    public async Task Slash_command_is_answered_in_the_response_visible_to_the_asker_only()
    {
        var response = await Command("health of Initech");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("ephemeral", (string?)body["response_type"]);
        Assert.StartsWith("Initech health", (string?)body["text"]);
        Assert.Contains("Initech: health", body.ToJsonString());
    }

    [Fact]
    public async Task Slow_answer_is_acknowledged_at_once_and_posted_to_the_response_url()
    {
        var response = await Command("[slow] health of Initech", responseUrl: "slow");

        var ack = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(CsBot.Slack.Inbound.SlackCommandHandler.Acknowledgement, (string?)ack["text"]);
        Assert.Empty(Slack.Calls("/response/slow"));

        _host.Answerer.Release();
        var late = await Slack.WaitForAsync("/response/slow", _ => true);
        Assert.StartsWith("Initech health", (string?)late["text"]);
        Assert.Equal("ephemeral", (string?)late["response_type"]);
    }

    [Fact]
    public async Task Mention_in_a_channel_is_answered_in_its_thread()
    {
        var response = await Event(Mention("C0MENTION1", $"<@{FakeSlack.BotUserId}> how is Initech doing?", "1700000001.000200"), "Ev0MENTION1");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reply = await Slack.WaitForAsync("/api/chat.postMessage", b => (string?)b["channel"] == "C0MENTION1");
        Assert.Equal("1700000001.000200", (string?)reply["thread_ts"]);
        Assert.StartsWith("Initech health", (string?)reply["text"]);
        Assert.Equal("Bearer xoxb-test-token", Slack.Calls("/api/chat.postMessage")[0].RequestMessage!.Headers!["Authorization"].Single());
    }

    [Fact]
    public async Task A_mention_inside_a_thread_is_answered_in_that_thread()
    {
        await Event(Mention("C0MENTION2", $"<@{FakeSlack.BotUserId}> help", "1700000002.000300", threadTs: "1700000001.000001"), "Ev0MENTION2");

        var reply = await Slack.WaitForAsync("/api/chat.postMessage", b => (string?)b["channel"] == "C0MENTION2");
        Assert.Equal("1700000001.000001", (string?)reply["thread_ts"]);
        Assert.Equal("Ask me about your accounts", (string?)reply["blocks"]![0]!["text"]!["text"]);
    }

    [Fact]
    public async Task Direct_message_is_answered_in_the_dm()
    {
        await Event(DirectMessage("D0DM00001", "why is Initech at risk?", "1700000003.000100"), "Ev0DM1");

        var reply = await Slack.WaitForAsync("/api/chat.postMessage", b => (string?)b["channel"] == "D0DM00001");
        Assert.Null(reply["thread_ts"]);
        Assert.StartsWith("Initech: health", (string?)reply["text"]);
    }

    [Fact]
    public async Task A_retried_event_is_answered_once()
    {
        var e = DirectMessage("D0RETRY01", "health of Initech", "1700000004.000100");
        Assert.Equal(HttpStatusCode.OK, (await Event(e, "Ev0RETRY")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Event(e, "Ev0RETRY", retry: 1)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Event(e, "Ev0RETRY", retry: 2)).StatusCode);
        await Event(DirectMessage("D0RETRY01", "help", "1700000004.000200"), "Ev0RETRY-sentinel");

        await Slack.WaitForAsync("/api/chat.postMessage", b => (string?)b["channel"] == "D0RETRY01" && (string?)b["text"] != null && b.ToJsonString().Contains("Ask me about"));
        await Slack.WaitForAsync("/api/chat.postMessage", b => (string?)b["channel"] == "D0RETRY01" && ((string?)b["text"])!.StartsWith("Initech"));
        Assert.Equal(2, PostsTo("D0RETRY01").Count);
    }

    [Fact]
    public async Task The_bots_own_messages_other_bots_and_edits_are_not_answered()
    {
        await Event(DirectMessage("D0QUIET01", "health of Initech", "1.1", user: FakeSlack.BotUserId), "Ev0QUIET1");
        var fromBot = DirectMessage("D0QUIET01", "health of Initech", "1.2");
        fromBot["bot_id"] = "B0OTHER";
        await Event(fromBot, "Ev0QUIET2");
        var edit = DirectMessage("D0QUIET01", "health of Initech", "1.3");
        edit["subtype"] = "message_changed";
        await Event(edit, "Ev0QUIET3");
        // Filtering happens before anything is queued, so once this later question is answered the others had their chance.
        await Event(DirectMessage("D0QUIET01", "help", "1.4"), "Ev0QUIET4");

        await Slack.WaitForAsync("/api/chat.postMessage", b => (string?)b["channel"] == "D0QUIET01");
        Assert.Single(PostsTo("D0QUIET01"));
    }

    [Fact]
    public async Task Url_verification_echoes_the_challenge()
    {
        var body = new JsonObject { ["token"] = "x", ["challenge"] = "3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P", ["type"] = "url_verification" };

        var response = await _host.Client.SendAsync(Signed("/slack/events", body.ToJsonString(), "application/json"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P", (string?)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["challenge"]);
    }

    [Fact]
    public async Task Acknowledge_button_applies_the_action_and_updates_the_alert_message_in_place()
    {
        var sender = _host.Factory.Services.GetRequiredService<IChatSender>();
        Assert.IsType<SlackChatSender>(sender);
        var alert = SampleMessages.Alert();
        Slack.Api("chat.postMessage", new JsonObject { ["ok"] = true, ["channel"] = "D0PRIYA01", ["ts"] = "1700000100.000100" }, priority: 5);

        var sent = await sender.SendAsync(new OutgoingMessage(Recipient.Person(FakeSlack.UserEmail, "Priya Raman"), alert, "alerts:priya:1"), CancellationToken.None);
        Assert.True(sent.Delivered, sent.Error);
        // Priya's email is known from users.info or users.lookupByEmail; either way her DM is opened by user id.
        Assert.Contains(Slack.Bodies("/api/conversations.open"), b => (string?)b["users"] == "U0PRIYA01");
        var posted = await Slack.WaitForAsync("/api/chat.postMessage", b => (string?)b["channel"] == "D0PRIYA01");
        var button = posted["attachments"]![0]!["blocks"]!.AsArray().First(b => (string?)b!["type"] == "actions")!["elements"]![0]!;

        var response = await Press((string)button["action_id"]!, (string)button["value"]!, "D0PRIYA01", "1700000100.000100", "ack");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var update = await Slack.WaitForAsync("/api/chat.update", b => (string?)b["ts"] == "1700000100.000100");
        Assert.Equal("D0PRIYA01", (string?)update["channel"]);
        Assert.Contains("Initech is at risk (acknowledged by Priya)", update.ToJsonString());
        var call = Assert.Single(_host.AlertActions.Calls, c => c.AlertId == "acc-0003:usage-cliff");
        Assert.Equal(ActionKind.Acknowledge, call.Kind);
        Assert.Equal(FakeSlack.UserEmail, call.Asker.Email);
        Assert.Equal("slack", call.Asker.Platform);
        Assert.Equal(alert, call.Original);
    }

    [Fact]
    public async Task Choosing_an_account_answers_for_it_through_the_response_url()
    {
        await Press("csbot:Choose:1", "health of Acme Labs", "C0CHOOSE1", "1700000200.000100", "choose");

        var answer = await Slack.WaitForAsync("/response/choose", _ => true);
        Assert.StartsWith("Acme Labs health", (string?)answer["text"]);
        Assert.Equal(true, (bool?)answer["replace_original"]);
    }

    [Fact]
    public async Task Why_button_explains_the_account()
    {
        var initech = _host.Factory.Services.GetRequiredService<IPortfolioStore>().GetAccounts().Single(a => a.Name == "Initech");

        await Press("csbot:Why:4", initech.Id, "C0WHY0001", "1700000300.000100", "why");

        var answer = await Slack.WaitForAsync("/response/why", _ => true);
        Assert.Contains("Why Initech scores", answer.ToJsonString());
    }

    [Fact]
    public async Task A_rate_limited_reply_waits_as_asked_and_is_delivered_once()
    {
        Slack.Server.Given(WireMock.RequestBuilders.Request.Create().WithPath("/api/chat.postMessage").UsingPost().WithBody((string? b) => b?.Contains("D0LIMIT01") == true))
            .AtPriority(1).InScenario("limit").WillSetStateTo("limited")
            .RespondWith(WireMock.ResponseBuilders.Response.Create().WithStatusCode(429).WithHeader("Retry-After", "1").WithBody("{\"ok\":false,\"error\":\"ratelimited\"}"));
        Slack.Server.Given(WireMock.RequestBuilders.Request.Create().WithPath("/api/chat.postMessage").UsingPost().WithBody((string? b) => b?.Contains("D0LIMIT01") == true))
            .AtPriority(1).InScenario("limit").WhenStateIs("limited").WillSetStateTo("done")
            .RespondWith(WireMock.ResponseBuilders.Response.Create().WithStatusCode(200).WithBody("{\"ok\":true,\"channel\":\"D0LIMIT01\",\"ts\":\"9.9\"}"));

        await Event(DirectMessage("D0LIMIT01", "health of Initech", "1700000400.000100"), "Ev0LIMIT");

        await Eventually.Until(() => Slack.Calls("/api/chat.postMessage").Any(c => c.RequestMessage!.Body!.Contains("D0LIMIT01") && c.ResponseMessage!.StatusCode is 200),
            "the retried reply to be accepted");
        var attempts = Slack.Calls("/api/chat.postMessage").Where(c => c.RequestMessage!.Body!.Contains("D0LIMIT01")).ToList();
        Assert.Equal([429, 200], attempts.Select(a => Convert.ToInt32(a.ResponseMessage!.StatusCode, System.Globalization.CultureInfo.InvariantCulture)));
        Assert.True(attempts[1].RequestMessage!.DateTime - attempts[0].RequestMessage!.DateTime >= TimeSpan.FromSeconds(0.9), "the retry honours Retry-After");
    }

    [Fact]
    public async Task Requests_that_are_not_signed_by_slack_are_refused_and_not_acted_on()
    {
        var body = Form(("team_id", FakeSlack.TeamId), ("user_id", "U0PRIYA01"), ("command", "/cs"), ("text", "health of Initech"), ("response_url", Slack.ResponseUrl("forged")));
        var unsigned = new HttpRequestMessage(HttpMethod.Post, "/slack/commands") { Content = new StringContent(body, System.Text.Encoding.UTF8, "application/x-www-form-urlencoded") };
        var wrongSecret = Signed("/slack/commands", body, "application/x-www-form-urlencoded", secret: "not-the-secret");
        var stale = Signed("/slack/commands", body, "application/x-www-form-urlencoded", at: DateTimeOffset.UtcNow.AddMinutes(-6));
        var tampered = Signed("/slack/commands", body, "application/x-www-form-urlencoded");
        tampered.Content = new StringContent(body.Replace("Initech", "Globex"), System.Text.Encoding.UTF8, "application/x-www-form-urlencoded");

        foreach (var request in new[] { unsigned, wrongSecret, stale, tampered })
            Assert.Equal(HttpStatusCode.Unauthorized, (await _host.Client.SendAsync(request)).StatusCode);
        foreach (var path in new[] { "/slack/events", "/slack/interactions" })
            Assert.Equal(HttpStatusCode.Unauthorized, (await _host.Client.PostAsync(path, new StringContent("{}"))).StatusCode);
        Assert.Empty(Slack.Calls("/response/forged"));
    }

    [Fact]
    public async Task Malformed_payloads_get_400()
    {
        Assert.Equal(HttpStatusCode.BadRequest, (await _host.Client.SendAsync(Signed("/slack/events", "not json", "application/json"))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await _host.Client.SendAsync(Signed("/slack/events", "{\"type\":\"event_callback\"}", "application/json"))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await _host.Client.SendAsync(Signed("/slack/interactions", "x=1", "application/x-www-form-urlencoded"))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await _host.Client.SendAsync(Signed("/slack/interactions", Form(("payload", "{oops")), "application/x-www-form-urlencoded"))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await _host.Client.SendAsync(Signed("/slack/commands", Form(("text", "hi")), "application/x-www-form-urlencoded"))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await _host.Client.SendAsync(Signed("/slack/commands", Form(("team_id", FakeSlack.TeamId), ("user_id", "U0PRIYA01"),
            ("command", "/cs"), ("text", "hi"), ("response_url", "javascript:alert(1)")), "application/x-www-form-urlencoded"))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _host.Client.GetAsync("/healthz")).StatusCode);
    }

    [Fact]
    public async Task A_workspace_not_on_the_allow_list_is_refused_politely()
    {
        var response = await Command("health of Initech", team: "T0STRANGER");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("not enabled for this workspace", (string?)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["text"]);

        Assert.Equal(HttpStatusCode.OK, (await Event(DirectMessage("D0STRANGE", "health of Initech", "5.1"), "Ev0STRANGE", team: "T0STRANGER")).StatusCode);
        await Event(DirectMessage("D0STRANGE", "help", "5.2"), "Ev0STRANGE-sentinel");
        await Slack.WaitForAsync("/api/chat.postMessage", b => (string?)b["channel"] == "D0STRANGE");
        Assert.Single(PostsTo("D0STRANGE"));
    }
}
