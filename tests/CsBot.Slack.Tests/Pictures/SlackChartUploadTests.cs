using System.Text.Json.Nodes;
using CsBot.Application.Pictures;
using CsBot.Charts;
using CsBot.Core.Ports;
using CsBot.Slack.Tests.Host;
using Microsoft.Extensions.DependencyInjection;
using static CsBot.Slack.Tests.Host.SlackHost;

namespace CsBot.Slack.Tests.Pictures;

/// <summary>
/// An answer's chart, end to end against the fake Slack: the answer's text is posted first, then the PNG goes up
/// through Slack's file upload (get an upload URL, post the bytes there, complete into the question's channel and
/// thread). A renderer that hangs or breaks never holds the text back.
/// </summary>
public sealed class SlackChartUploadTests : IDisposable
{
    private const string Channel = "C0CHARTS01";
    private const string Thread = "1700000300.000100";
    private readonly FakeSlack _slack = new();
    private CsBotHost? _host;

    public void Dispose()
    {
        _host?.Dispose();
        _slack.Dispose();
    }

    [Fact]
    public async Task The_health_chart_follows_the_answer_in_its_thread_through_the_three_upload_calls()
    {
        _host = SlackHost.Create(_slack);

        await Mention("health of Acme Labs");

        var complete = await _slack.WaitForAsync("/api/files.completeUploadExternal", _ => true);
        Assert.Equal(Channel, (string?)complete["channel_id"]);
        Assert.Equal(Thread, (string?)complete["thread_ts"]);
        var file = complete["files"]!.AsArray().Single()!;
        Assert.StartsWith("Acme Labs: health, last 90 days", (string?)file["title"]);

        var asked = _slack.Forms("/api/files.getUploadURLExternal").Single();
        Assert.EndsWith(".png", asked["filename"]);
        Assert.StartsWith("Acme Labs: health", asked["alt_txt"]);
        var upload = _slack.Calls($"/upload/{(string?)file["id"]}").Single();
        var bytes = upload.RequestMessage!.BodyAsBytes!;
        Assert.Equal(int.Parse(asked["length"], System.Globalization.CultureInfo.InvariantCulture), bytes.Length);
        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, bytes[..4]);
        Assert.False(upload.RequestMessage.Headers!.ContainsKey("Authorization"), "the upload URL gets no token");

        // Text first, then the three upload steps in order.
        var answer = _slack.Calls("/api/chat.postMessage").Single(c => JsonNode.Parse(c.RequestMessage!.Body!)!["thread_ts"]?.GetValue<string>() == Thread);
        var times = new[] { answer, _slack.Calls("/api/files.getUploadURLExternal").Single(), upload, _slack.Calls("/api/files.completeUploadExternal").Single() }
            .Select(c => c.RequestMessage!.DateTime).ToList();
        Assert.Equal(times.Order(), times);
    }

    [Fact]
    public async Task The_answer_is_posted_while_its_chart_is_still_being_drawn()
    {
        var renderer = new GatedRenderer(new ScottPlotChartRenderer());
        _host = SlackHost.Create(_slack, services: s => s.AddSingleton<IChartRenderer>(renderer));

        await Mention("health of Acme Labs");

        // The text is in Slack; drawing has started and is held at the gate, and nothing has been uploaded.
        await renderer.Entered.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Empty(_slack.Calls("/api/files.getUploadURLExternal"));
        renderer.Open();
        var complete = await _slack.WaitForAsync("/api/files.completeUploadExternal", _ => true);
        Assert.Equal(Channel, (string?)complete["channel_id"]);
    }

    [Fact]
    public async Task A_renderer_that_breaks_loses_the_picture_not_the_answer()
    {
        var renderer = new GatedRenderer(new ScottPlotChartRenderer(), fail: true);
        _host = SlackHost.Create(_slack, services: s => s.AddSingleton<IChartRenderer>(renderer));

        await Mention("health of Acme Labs");

        var outbox = _host.Services.GetRequiredService<IOutboxStore>();
        var picture = await Eventually.Until(() => Task.FromResult(outbox.DeadLetters()), found => found.Count > 0, "the picture given up");
        Assert.Contains("could not be drawn", picture.Single().LastError);
        Assert.Empty(_slack.Calls("/api/files.getUploadURLExternal"));
    }

    /// <summary>Mentions the bot in a thread of <see cref="Channel"/> and waits for the answer's text.</summary>
    private async Task Mention(string question)
    {
        var e = new JsonObject
        {
            ["type"] = "app_mention", ["channel_type"] = "channel", ["user"] = "U0PRIYA01", ["text"] = $"<@{FakeSlack.BotUserId}> {question}",
            ["ts"] = "1700000300.000200", ["channel"] = Channel, ["thread_ts"] = Thread,
        };
        var body = new JsonObject { ["team_id"] = FakeSlack.TeamId, ["type"] = "event_callback", ["event_id"] = "Ev0CHART01", ["event"] = e };
        (await _host!.CreateClient().SendAsync(Signed("/slack/events", body.ToJsonString(), "application/json"))).EnsureSuccessStatusCode();
        var answer = await _slack.WaitForAsync("/api/chat.postMessage", b => (string?)b["channel"] == Channel && (string?)b["thread_ts"] == Thread);
        Assert.StartsWith("Acme Labs", (string?)answer["text"]);
    }
}
