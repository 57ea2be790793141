using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CsBot.Teams.Tests;

/// <summary>An activity that names no conversation cannot be answered: it is the sender's mistake (400), not a failed turn in CsBot's log.</summary>
public sealed class MalformedActivityTests : IDisposable
{
    private readonly RecordingLogger _log = new();
    private readonly FakeConnector _connector = new();
    private readonly CsBotHost _factory;

    public MalformedActivityTests() =>
        _factory = TeamsHost.Create(new Dictionary<string, string?> { ["Demo:Enabled"] = "false" }, services => services.AddSingleton<ILoggerProvider>(_log));

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task An_activity_without_a_conversation_gets_400_and_no_failed_turn_is_logged(bool emptyConversation)
    {
        var activity = TeamsActivities.PersonalMessage(_connector.Url, "help");
        if (emptyConversation) activity["conversation"] = new System.Text.Json.Nodes.JsonObject();
        else activity.Remove("conversation");

        var response = await _factory.CreateClient().PostAsJsonAsync("/api/messages", activity);

        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{(int)response.StatusCode}; errors:\n{string.Join("\n", _log.Lines.Where(l => l.Level >= LogLevel.Error).Select(l => l.Text))}");
        Assert.Contains("conversation", await response.Content.ReadAsStringAsync());
        Assert.DoesNotContain(_log.Lines, l => l.Level >= LogLevel.Error);
        Assert.Empty(_connector.Requests);
    }

    public void Dispose()
    {
        _factory.Dispose();
        _connector.Dispose();
    }
}
