using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CsBot.Application.Asking;
using CsBot.Chat.Local;
using CsBot.Chat.Local.Endpoints;
using CsBot.Core;
using CsBot.Core.Messaging;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CsBot.Host.Tests;

/// <summary>
/// The local answer's JSON is written by generated code and sent with its length: it must read exactly as the host's
/// own serializer (its web options, enums by name) writes the same reply, for every kind of answer and every part of
/// a message.
/// </summary>
public sealed class LocalAnswerJsonTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("csbot-answer-json-").FullName;

    public void Dispose()
    {
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by a finishing background thread is left for the OS temp cleaner.
        }
    }

    [Fact]
    public async Task Each_answer_is_the_host_serializers_JSON_of_the_same_reply_sent_with_its_length_not_chunked()
    {
        using var host = DemoHost();
        var client = host.CreateClient();
        var options = host.Services.GetRequiredService<IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>().Value.SerializerOptions;
        var ask = host.Services.GetRequiredService<AskService>();

        string[] questions = ["help", "how is hooli doing", "why is initrode at risk?", "which accounts are at risk?", "renewals in the next 365 days",
            "what was NRR last quarter?", "health of ho", "what's the weather like on Mars?", "top movers this week", "overdue invoices"];
        foreach (var question in questions)
        {
            using var response = await client.PostAsJsonAsync("/api/local/ask", new { text = question, session = "http " + question });
            var body = await response.Content.ReadAsByteArrayAsync();
            var answer = ask.Ask(question, LocalChatEndpoints.LocalAsker(null, null, null, "direct " + question));
            var expected = JsonSerializer.Serialize(new LocalChatEndpoints.AskReply(answer.Title, answer), options);

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(expected, Encoding.UTF8.GetString(body));
            Assert.Equal(body.Length, response.Content.Headers.ContentLength);
            Assert.NotEqual(true, response.Headers.TransferEncodingChunked);
            Assert.Equal("application/json; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        }
    }

    [Theory]
    [InlineData("text/plain", true)]
    [InlineData("text/plain; charset=utf-8", true)]
    [InlineData("text/plain, application/json;q=0.5", true)]
    [InlineData("application/json, text/plain, */*", false)]
    [InlineData("application/json;q=0.9, text/plain;q=0.5", false)]
    [InlineData("text/plain;q=0", false)]
    [InlineData("*/*", false)]
    [InlineData(null, false)]
    [InlineData("text/plain;q=abc", true)]
    [InlineData("text/plain;;;, =,=", false)]
    [InlineData("TEXT/PLAIN", true)]
    public async Task The_answer_is_json_with_the_message_once_or_the_plain_text_a_person_asks_for(string? accept, bool plain)
    {
        using var host = DemoHost();
        var client = host.CreateClient();
        const string question = "why is initrode at risk?";
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/local/ask") { Content = JsonContent.Create(new { text = question }) };
        if (accept is not null) request.Headers.TryAddWithoutValidation("Accept", accept);

        using var response = await client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        var answer = host.Services.GetRequiredService<AskService>().Ask(question, LocalChatEndpoints.LocalAsker(null, null, null, "direct"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        if (plain)
        {
            Assert.Equal("text/plain; charset=utf-8", response.Content.Headers.ContentType?.ToString());
            Assert.Equal(PlainTextRenderer.Render(answer), body);
            Assert.StartsWith(answer.Title + "\n", body);
        }
        else
        {
            Assert.Equal("application/json; charset=utf-8", response.Content.Headers.ContentType?.ToString());
            var json = JsonDocument.Parse(body).RootElement;
            // The title and the message; the message's text is not sent a second time rendered as plain text.
            Assert.Equal(["title", "message"], json.EnumerateObject().Select(p => p.Name));
            Assert.Equal(answer.Title, json.GetProperty("message").GetProperty("title").GetString());
        }
    }

    [Fact]
    public void A_message_with_every_part_set_and_hostile_text_is_written_as_the_host_serializer_writes_it()
    {
        using var host = new CsBotHost(new Dictionary<string, string?>
        {
            ["Storage:DatabasePath"] = Path.Combine(_folder, "csbot.db"),
            ["Demo:Enabled"] = "false",
            ["Scheduling:EvaluateAtStartup"] = "false",
            ["Reminders:RunAtStartup"] = "false",
        });
        var options = host.Services.GetRequiredService<IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>().Value.SerializerOptions;
        const string hostile = "*Acme* <!channel> \"quoted\" \\ </script> & 'x' \u2581\u2588 caf\u00e9 \U0001F680 \u0000\u001f\n\ttab";
        var message = new ChatMessage
        {
            Title = hostile,
            Severity = Severity.Critical,
            FallbackText = "fallback " + hostile,
            Sections =
            [
                new MessageSection
                {
                    Heading = "Heading " + hostile,
                    Text = "line one\nline two " + hostile,
                    Fields = [new MessageField("MRR", "$12,000"), new MessageField(hostile, "")],
                    Account = new AccountLink("acc-1", hostile),
                    Actions = [new MessageAction(ActionKind.Acknowledge, "Acknowledge", "alert-1", ActionStyle.Primary)],
                },
                new MessageSection(),
            ],
            Actions = [new MessageAction(ActionKind.Snooze7Days, "Snooze", hostile, ActionStyle.Danger), new MessageAction(ActionKind.ShowMore, "More", "2")],
            Context = ["data as of today", hostile],
            FollowedBy = [new PictureRequest(PictureKind.HealthTrend, "acc-1")],
            Picture = new MessagePicture(new PictureRequest(PictureKind.DigestDrops, hostile)) { Png = [0, 1, 2, 250, 255], Width = 640, Height = 320, AltText = hostile },
        };
        var reply = new LocalChatEndpoints.AskReply(message.Title, message);

        var bare = reply with { Message = new ChatMessage { Title = "t" } };
        Assert.Equal(JsonSerializer.Serialize(reply, options), Written(reply));
        Assert.Equal(JsonSerializer.Serialize(bare, options), Written(bare));

        string Written(LocalChatEndpoints.AskReply value) =>
            Encoding.UTF8.GetString(JsonReply<LocalChatEndpoints.AskReply>.Serialize(value, LocalChatJson.Default.AskReply, options).WrittenSpan);
    }

    /// <summary>A host on 40 demo accounts at a fixed time, with nothing scheduled at start-up.</summary>
    private CsBotHost DemoHost() => new(new Dictionary<string, string?>
    {
        ["Storage:DatabasePath"] = Path.Combine(_folder, "csbot.db"),
        ["Demo:AccountCount"] = "40",
        ["Scheduling:EvaluateAtStartup"] = "false",
        ["Reminders:RunAtStartup"] = "false",
    }, services => services.AddSingleton<TimeProvider>(new FixedTime(new DateTimeOffset(2026, 11, 26, 15, 0, 0, TimeSpan.Zero))));

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
