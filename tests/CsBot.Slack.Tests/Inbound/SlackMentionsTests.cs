using System.Text.Json.Nodes;
using CsBot.Slack.Api;
using CsBot.Slack.Inbound;
using CsBot.Slack.Tests.Host;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace CsBot.Slack.Tests.Inbound;

public sealed class SlackMentionsTests : IDisposable
{
    private readonly FakeSlack _slack = new();
    private readonly SlackMentions _mentions;

    public SlackMentionsTests()
    {
        var options = new SlackOptions { BotToken = "xoxb-test", SigningSecret = "s", ApiBaseUrl = _slack.ApiUrl };
        var api = new SlackApiClient(new HttpClient { BaseAddress = new Uri(_slack.ApiUrl) }, options, NullLogger<SlackApiClient>.Instance, TimeProvider.System);
        _mentions = new SlackMentions(new SlackUserDirectory(api, new FakeTimeProvider()));
    }

    public void Dispose() => _slack.Dispose();

    private async Task<string> Plain(string text, string? botUserId = FakeSlack.BotUserId) =>
        (await _mentions.ToPlainTextAsync(text, botUserId, CancellationToken.None)).Trim();

    [Fact]
    public async Task A_person_mentioned_in_the_question_becomes_their_email()
    {
        Assert.Equal($"at risk for  {FakeSlack.UserEmail}", await Plain($"<@{FakeSlack.BotUserId}> at risk for <@U0PRIYA01>"));
        Assert.Equal("U0PRIYA01", _slack.Forms("/api/users.info").Single()["user"]);
    }

    [Fact]
    public async Task The_bot_is_dropped_wherever_it_is_mentioned_and_at_the_start_even_before_its_id_is_known()
    {
        Assert.Equal("help", await Plain($"help <@{FakeSlack.BotUserId}>"));
        Assert.Equal("how is Initech doing?", await Plain("<@UOTHERBOT|csbot> how is Initech doing?", botUserId: null));
        Assert.Empty(_slack.Calls("/api/users.info"));
    }

    [Fact]
    public async Task A_person_slack_cannot_describe_keeps_the_label_slack_sent()
    {
        _slack.Api("users.info", new JsonObject { ["ok"] = false, ["error"] = "user_not_found" }, priority: 1);

        Assert.Equal("renewals for  dana", await Plain($"<@{FakeSlack.BotUserId}> renewals for <@U0DANA001|dana>"));
    }
}
