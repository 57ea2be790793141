using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace CsBot.Teams.Tests;

/// <summary>
/// Follow-ups in Teams, end to end: activities posted to /api/messages in local mode, answered through the fake Bot
/// Connector. Each Teams conversation keeps its own last question.
/// </summary>
public sealed class TeamsConversationTests : IDisposable
{
    private readonly FakeConnector _connector = new();
    private readonly CsBotHost _host = TeamsHost.Create();
    private readonly HttpClient _client;
    private int _messages;

    public TeamsConversationTests() => _client = _host.CreateClient();

    public void Dispose()
    {
        _client.Dispose();
        _host.Dispose();
        _connector.Dispose();
    }

    /// <summary>Says <paramref name="text"/> in a personal chat and returns the card's first line.</summary>
    private async Task<string> Say(string conversation, string text)
    {
        var id = $"17000005{++_messages:00000}";
        (await _client.PostAsJsonAsync("/api/messages", TeamsActivities.PersonalMessage(_connector.Url, text, conversation, id))).EnsureSuccessStatusCode();
        // The first reply is the answer; a health chart may follow it.
        var reply = _connector.Find("POST", $"/v3/conversations/{conversation}/activities/{id}")[0];
        return reply.Card!["body"]![0]!["items"]![0]!["text"]!.GetValue<string>();
    }

    [Fact]
    public async Task And_initrode_then_how_come_follow_the_question_before_in_the_same_chat()
    {
        Assert.StartsWith("Hooli: health", await Say("a:personal-memory", "how is hooli doing"));
        Assert.StartsWith("Initrode: health", await Say("a:personal-memory", "and initrode?"));
        Assert.StartsWith("Why Initrode scores", await Say("a:personal-memory", "how come?"));

        Assert.StartsWith("There's nothing earlier in this conversation", await Say("a:personal-other", "how come?"));
    }
}
