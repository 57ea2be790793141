using System.Net;
using System.Text.Json.Nodes;
using static CsBot.Slack.Tests.Host.SlackHost;

namespace CsBot.Slack.Tests.Host;

/// <summary>Hosts set up differently from the shared one: a rejected token, no alert actions, answers in channel.</summary>
public sealed class SlackHostSetupTests
{
    [Fact]
    public async Task A_token_slack_rejects_stops_startup_with_a_sentence_naming_the_setting()
    {
        using var slack = new FakeSlack(authError: "invalid_auth");
        var folder = Directory.CreateTempSubdirectory("csbot-slack-auth-").FullName;
        var start = new System.Diagnostics.ProcessStartInfo("dotnet") { WorkingDirectory = folder, RedirectStandardError = true, RedirectStandardOutput = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "CsBot.dll"));
        start.Environment["Slack__BotToken"] = "xoxb-revoked";
        start.Environment["Slack__SigningSecret"] = SigningSecret;
        start.Environment["Slack__ApiBaseUrl"] = slack.ApiUrl;
        start.Environment["LocalChat__ConsolePrompt"] = "false";
        start.Environment["Urls"] = "http://127.0.0.1:0";

        using var process = System.Diagnostics.Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(2, process.ExitCode);
        Assert.Contains("Slack:BotToken was rejected by Slack (invalid_auth); check the token", stderr);
        Assert.Contains("Bearer xoxb-revoked", slack.Calls("/api/auth.test").Single().RequestMessage!.Headers!["Authorization"]);
        Assert.DoesNotContain("Loading demo portfolio", await stdout);
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public async Task A_button_for_an_alert_that_no_longer_exists_gets_a_polite_reply_and_answers_can_go_to_the_channel()
    {
        using var slack = new FakeSlack();
        using var factory = SlackHost.Create(slack, new Dictionary<string, string?> { ["Slack:SlashCommandResponse"] = "in_channel", ["Slack:AllowedTeamIds"] = "" });
        var client = factory.CreateClient();

        var payload = new JsonObject
        {
            ["type"] = "block_actions",
            ["team"] = new JsonObject { ["id"] = "T0ANYTEAM" },
            ["user"] = new JsonObject { ["id"] = "U0PRIYA01", ["name"] = "priya" },
            ["container"] = new JsonObject { ["type"] = "message", ["message_ts"] = "1.1", ["channel_id"] = "D0PRIYA01" },
            ["response_url"] = slack.ResponseUrl("noactions"),
            ["actions"] = new JsonArray(new JsonObject { ["action_id"] = "csbot:Snooze7Days:2", ["value"] = "acc-9999:no-such-rule" }),
        };
        var press = await client.SendAsync(Signed("/slack/interactions", Form(("payload", payload.ToJsonString())), "application/x-www-form-urlencoded"));

        Assert.Equal(HttpStatusCode.OK, press.StatusCode);
        var reply = await slack.WaitForAsync("/response/noactions", _ => true);
        Assert.StartsWith("I couldn't find that alert", (string?)reply["text"]);
        Assert.Equal(false, (bool?)reply["replace_original"]);
        Assert.Empty(slack.Calls("/api/chat.update"));

        var command = await client.SendAsync(Signed("/slack/commands", Form(("team_id", "T0ANYTEAM"), ("user_id", "U0PRIYA01"), ("command", "/cs"),
            ("text", ""), ("response_url", slack.ResponseUrl("cmd"))), "application/x-www-form-urlencoded"));
        var body = JsonNode.Parse(await command.Content.ReadAsStringAsync())!;
        Assert.Equal("in_channel", (string?)body["response_type"]);
        Assert.Equal("Ask me about your accounts", (string?)body["blocks"]![0]!["text"]!["text"]);
    }
}
