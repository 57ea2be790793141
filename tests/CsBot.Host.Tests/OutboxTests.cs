using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CsBot.Application.Delivery;
using CsBot.Core.Messaging;
using CsBot.Core.Outbox;
using CsBot.Core.Ports;
using CsBot.Host.Configuration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CsBot.Host.Tests;

/// <summary>The outbox inside the real host: the delivery job sends what is queued, and dead letters can be listed.</summary>
public sealed class OutboxTests : IDisposable
{
    private readonly CsBotHost _factory = new(new Dictionary<string, string?>
    {
        ["Demo:Enabled"] = "false",
        ["Scheduling:EvaluateAtStartup"] = "false",
        ["Reminders:RunAtStartup"] = "false",
        ["Delivery:PollCron"] = "* * * * * ?",
    });

    public void Dispose() => _factory.Dispose();

    private static OutgoingMessage Message(string key, string title) =>
        new(Recipient.Person("max@csbot.example", "Max Mustermann"), new ChatMessage { Title = title }, key);

    [Fact]
    public async Task A_queued_message_is_delivered_by_the_scheduled_job_and_shows_as_delivered()
    {
        var client = _factory.CreateClient();
        var outbox = _factory.Services.GetRequiredService<IOutbox>();

        Assert.True(outbox.Enqueue(Message("host-test-1", "Queued hello"), DateTimeOffset.UtcNow));

        var sent = await Eventually.Until(
            client.SentMessagesAsync,
            messages => messages.Length > 0, "the delivery job to send the queued message");
        var message = Assert.Single(sent);
        Assert.Equal("Queued hello", message.GetProperty("title").GetString());

        var delivered = await client.GetFromJsonAsync<JsonElement[]>("/api/local/outbox?state=Delivered") ?? [];
        var entry = Assert.Single(delivered);
        Assert.Equal("host-test-1", entry.GetProperty("key").GetString());
        Assert.Equal("local", entry.GetProperty("platform").GetString());
        Assert.Equal(message.GetProperty("id").GetString(), entry.GetProperty("platformMessageId").GetString());
    }

    [Fact]
    public async Task Dead_letters_are_listed_with_their_error_and_counted()
    {
        var client = _factory.CreateClient();
        var store = _factory.Services.GetRequiredService<IOutboxStore>();
        // Far in the future so the running job leaves it alone; claimed and given up on "then".
        var later = DateTimeOffset.UtcNow.AddDays(30);
        store.Enqueue(Message("host-dead-1", "Never arrives"), later);
        store.Enqueue(Message("host-pending-1", "Still waiting"), later);
        var id = store.FindByIdempotencyKey("host-dead-1")!.Id;
        Assert.NotNull(store.TryClaim(id, later, later.AddMinutes(2)));
        Assert.True(store.MarkDeadLetter(id, "channel_not_found", later));

        var dead = await client.GetFromJsonAsync<JsonElement[]>("/api/local/outbox?state=deadletter") ?? [];

        var entry = Assert.Single(dead);
        Assert.Equal("host-dead-1", entry.GetProperty("key").GetString());
        Assert.Equal("max@csbot.example", entry.GetProperty("recipientKey").GetString());
        Assert.Equal("DeadLetter", entry.GetProperty("state").GetString());
        Assert.Equal(1, entry.GetProperty("attempts").GetInt32());
        Assert.Equal("channel_not_found", entry.GetProperty("lastError").GetString());

        var counts = await client.GetFromJsonAsync<Dictionary<string, int>>("/api/local/outbox/counts");
        Assert.Equal(1, counts!["DeadLetter"]);
        Assert.Equal(1, counts["Pending"]);
        Assert.Equal(2, (await client.GetFromJsonAsync<JsonElement[]>("/api/local/outbox"))!.Length);
    }

    [Fact]
    public async Task A_dead_letter_can_be_retried_and_is_then_delivered_once()
    {
        var client = _factory.CreateClient();
        var store = _factory.Services.GetRequiredService<IOutboxStore>();
        var transcript = _factory.Services.GetRequiredService<CsBot.Chat.Local.LocalChatTranscript>();
        var later = DateTimeOffset.UtcNow.AddDays(30);
        store.Enqueue(Message("host-retry-1", "Second chance"), later);
        var id = store.FindByIdempotencyKey("host-retry-1")!.Id;
        Assert.NotNull(store.TryClaim(id, later, later.AddMinutes(2)));
        Assert.True(store.MarkDeadLetter(id, "not_in_channel", later));

        var retried = await client.PostAsync($"/api/local/outbox/{id}/retry", null);
        var again = await client.PostAsync($"/api/local/outbox/{id}/retry", null);
        var unknown = await client.PostAsync("/api/local/outbox/no-such-id/retry", null);

        Assert.Equal(HttpStatusCode.OK, retried.StatusCode);
        var item = await retried.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(0, item.GetProperty("attempts").GetInt32());
        Assert.Equal("not_in_channel", item.GetProperty("lastError").GetString());
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode); // pending or already delivered: not a dead letter any more
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);

        await Eventually.Until(() => store.Get(id)!.State == OutboxState.Delivered, "the retried dead letter to be delivered");
        Assert.Single(transcript.All(), m => m.Outgoing.IdempotencyKey == "host-retry-1");
    }

    [Fact]
    public async Task An_unknown_state_gets_a_clear_error_listing_the_states()
    {
        var client = _factory.CreateClient();

        var response = await client.GetAsync("/api/local/outbox?state=Lost");
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("'Lost'", body);
        Assert.Contains("DeadLetter", body);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("/api/local/outbox?limit=0")).StatusCode);
    }
}

public class DeliveryConfigurationTests
{
    private static CsBotSettings Load(params (string Key, string Value)[] settings) => SettingsLoader.Load(new ConfigurationBuilder()
        .AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value))).Build());

    [Fact]
    public void Bad_delivery_settings_are_each_named_with_the_fix()
    {
        var error = Assert.Throws<ConfigurationException>(() => Load(
            ("Delivery:MaxAttempts", "0"), ("Delivery:BaseDelaySeconds", "60"), ("Delivery:MaxDelaySeconds", "30"),
            ("Delivery:LeaseSeconds", "1"), ("Delivery:BatchSize", "-1"), ("Delivery:PollCron", "every 15 seconds")));

        foreach (var key in new[] { "Delivery:MaxAttempts", "Delivery:MaxDelaySeconds", "Delivery:LeaseSeconds", "Delivery:BatchSize", "Delivery:PollCron" })
            Assert.Contains(error.Errors, e => e.StartsWith(key));
        Assert.Contains(error.Errors, e => e.Contains("0/15 * * * * ?") || e.Contains("0 0 * * * ?"));
    }

    [Fact]
    public void The_documented_delivery_section_matches_the_defaults()
    {
        var example = new ConfigurationBuilder().AddJsonFile(Path.Combine(RepositoryRoot(), "appsettings.example.json")).Build();

        var documented = SettingsLoader.Load(example).Application.Delivery;
        var defaults = new DeliveryOptions();

        Assert.Equal(JsonSerializer.Serialize(defaults), JsonSerializer.Serialize(documented));
    }

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "CsBot.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("CsBot.sln not found above the test folder.");
    }
}
