using System.Net.Http.Json;
using CsBot.Application.Delivery;
using CsBot.Core.Messaging;
using CsBot.Core.Ports;
using Microsoft.Extensions.DependencyInjection;

namespace CsBot.Teams.Tests;

/// <summary>
/// Updates and thread replies through the outbox to the fake Bot Connector: an update of a delivered card is a PUT of
/// that activity, a reply goes into its reply chain (POST to the activity), and neither is a new post.
/// </summary>
public sealed class TeamsLivingMessageTests : IDisposable
{
    private const string Team = "19:team-a-general@thread.tacv2";
    private readonly FakeConnector _connector = new();
    private readonly CsBotHost _host;
    private readonly HttpClient _client;

    public TeamsLivingMessageTests()
    {
        _host = TeamsHost.Create(new Dictionary<string, string?> { ["Chat:Platform"] = "Teams" });
        _client = _host.CreateClient();
    }

    public void Dispose()
    {
        _client.Dispose();
        _host.Dispose();
        _connector.Dispose();
    }

    [Fact]
    public async Task An_update_puts_the_same_activity_and_a_reply_goes_into_its_reply_chain()
    {
        (await _client.PostAsJsonAsync("/api/messages", TeamsActivities.TeamInstall(_connector.Url, Team, "Customer Success"))).EnsureSuccessStatusCode();
        var outbox = _host.Services.GetRequiredService<IOutboxStore>();
        var delivery = _host.Services.GetRequiredService<OutboxDeliveryService>();
        var now = DateTimeOffset.UtcNow;
        outbox.Enqueue(new OutgoingMessage(Recipient.Channel(Team), TeamsEndpointTests.Alert("a-1"), "k-parent"), now);
        await DeliveredAsync(outbox, delivery, "k-parent");
        var parentId = outbox.FindByIdempotencyKey("k-parent")!.PlatformMessageId!;

        var updated = TeamsEndpointTests.Alert("a-1") with { Title = "Globex is at risk (recovered)" };
        outbox.Enqueue(new OutgoingMessage(Recipient.Channel(Team), updated, "k-update") { Link = new MessageLink(MessageLinkKind.Replace, "k-parent") }, now);
        outbox.Enqueue(new OutgoingMessage(Recipient.Channel(Team), new ChatMessage { Title = "Recovered: Globex" }, "k-reply") { Link = new MessageLink(MessageLinkKind.Reply, "k-parent") }, now);
        await DeliveredAsync(outbox, delivery, "k-update", "k-reply");

        var put = Assert.Single(_connector.Find("PUT", "/v3/conversations/"));
        Assert.Equal($"/v3/conversations/{Team}/activities/{parentId}", put.Path);
        Assert.Contains("recovered", put.Body, StringComparison.Ordinal);
        Assert.Equal(parentId, (string?)put.Json["id"]);
        var reply = Assert.Single(_connector.Find("POST", $"/v3/conversations/{Team}/activities/{parentId}"));
        Assert.Equal(parentId, (string?)reply.Json["replyToId"]);
        Assert.Contains("Recovered: Globex", reply.Body, StringComparison.Ordinal);
        Assert.Single(_connector.Requests, r => r.Method == "POST" && r.Path == $"/v3/conversations/{Team}/activities");
    }

    /// <summary>
    /// Delivers until the messages are delivered: the host's scheduled delivery run may claim one first (this run then
    /// skips it), and either run delivering it is what the test is about.
    /// </summary>
    private static Task DeliveredAsync(IOutboxStore outbox, OutboxDeliveryService delivery, params string[] keys) =>
        CsBot.Testing.Eventually.Until(async () =>
        {
            await delivery.DeliverDueAsync(default);
            return keys.All(key => outbox.FindByIdempotencyKey(key)?.State == CsBot.Core.Outbox.OutboxState.Delivered);
        }, $"{string.Join(", ", keys)} delivered");
}
