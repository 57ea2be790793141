using System.Net.Http.Json;

namespace CsBot.Teams.Tests;

/// <summary>
/// An answer's chart in Teams, end to end through the fake Bot Connector: the answer's card first, then a card whose
/// Image element holds the PNG as a data: URI, with the numbers as its alt text.
/// </summary>
public sealed class TeamsChartTests : IDisposable
{
    private readonly FakeConnector _connector = new();
    private readonly CsBotHost _host = TeamsHost.Create();

    public void Dispose()
    {
        _host.Dispose();
        _connector.Dispose();
    }

    [Fact]
    public async Task The_health_chart_follows_the_answer_as_an_image_the_card_shows()
    {
        const string conversation = "a:personal-chart";
        const string id = "1700000900001";
        using var client = _host.CreateClient();

        (await client.PostAsJsonAsync("/api/messages", TeamsActivities.PersonalMessage(_connector.Url, "how is hooli doing", conversation, id))).EnsureSuccessStatusCode();

        var replies = _connector.Find("POST", $"/v3/conversations/{conversation}/activities/{id}");
        Assert.Equal(2, replies.Count);
        Assert.StartsWith("Hooli: health", replies[0].Card!["body"]![0]!["items"]![0]!["text"]!.GetValue<string>());
        var image = replies[1].Card!["body"]!.AsArray().Single(e => (string?)e!["type"] == "Image")!;
        var url = image["url"]!.GetValue<string>();
        Assert.StartsWith("data:image/png;base64,", url);
        var png = Convert.FromBase64String(url["data:image/png;base64,".Length..]);
        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, png[..4]);
        Assert.StartsWith("Hooli: health, last 90 days: health ", image["altText"]!.GetValue<string>());
        Assert.Contains("Hooli: health, last 90 days", replies[1].Card!["fallbackText"]!.GetValue<string>());
    }
}
