using System.Net;
using CsBot.Application.Delivery;
using CsBot.Core.Messaging;
using CsBot.Core.Ports;
using Microsoft.Extensions.DependencyInjection;

namespace CsBot.Host.Tests;

/// <summary>
/// /healthz over HTTP: Unhealthy (503) while the database file cannot be read, Degraded (200, with the reason) while
/// delivery is behind, Healthy otherwise.
/// </summary>
public sealed class HealthzTests : IDisposable
{
    private readonly CsBotHost _host = new(new Dictionary<string, string?>
    {
        ["Demo:Enabled"] = "false",
        ["Scheduling:EvaluateAtStartup"] = "false",
        ["Reminders:RunAtStartup"] = "false",
        // Delivery runs only when a test asks, so what is due stays due.
        ["Delivery:PollCron"] = "0 0 3 1 1 ?",
    });

    public void Dispose() => _host.Dispose();

    private string DatabasePath => _host.Settings["Storage:DatabasePath"]!;

    private IOutboxStore Outbox => _host.Services.GetRequiredService<IOutboxStore>();

    private async Task<(HttpStatusCode Status, string Body)> Healthz()
    {
        var response = await _host.CreateClient().GetAsync("/healthz");
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    private static OutgoingMessage Message(string key) => new(Recipient.Person("max@csbot.example", "Max Mustermann"), new ChatMessage { Title = key }, key);

    [Fact]
    public async Task The_store_is_unhealthy_while_its_file_is_gone_or_not_a_database_and_healthy_once_it_is_back()
    {
        Assert.Equal((HttpStatusCode.OK, "Healthy"), await Healthz());
        var copy = Path.Combine(_host.Folder, "csbot.db.copy");
        File.Copy(DatabasePath, copy);

        File.Delete(DatabasePath);
        var gone = await Healthz();
        File.WriteAllBytes(DatabasePath, new byte[2 * 8192]);
        var garbled = await Healthz();
        File.Copy(copy, DatabasePath, overwrite: true);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, gone.Status);
        Assert.Equal($"Unhealthy\nstore: Unhealthy: The database file {DatabasePath} no longer exists.", gone.Body);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, garbled.Status);
        Assert.Contains("is not a LiteDB database file", garbled.Body);
        Assert.Equal((HttpStatusCode.OK, "Healthy"), await Healthz());
    }

    [Fact]
    public async Task A_message_overdue_for_more_than_ten_minutes_makes_it_degraded_until_delivered()
    {
        Outbox.Enqueue(Message("overdue-1"), DateTimeOffset.UtcNow.AddMinutes(-20));
        Outbox.Enqueue(Message("recent-1"), DateTimeOffset.UtcNow.AddMinutes(-1));

        var behind = await Healthz();
        await _host.Services.GetRequiredService<OutboxDeliveryService>().DeliverDueAsync(default);

        Assert.Equal(HttpStatusCode.OK, behind.Status);
        Assert.StartsWith("Degraded\noutbox: Degraded: Outbox behind: a message has been due for 20 minutes", behind.Body);
        Assert.Equal((HttpStatusCode.OK, "Healthy"), await Healthz());
    }

    [Fact]
    public async Task A_dead_letter_of_the_last_day_makes_it_degraded_and_an_older_one_does_not()
    {
        var now = DateTimeOffset.UtcNow;
        Dead("dead-old", now.AddDays(-2));
        Assert.Equal((HttpStatusCode.OK, "Healthy"), await Healthz());

        Dead("dead-new", now.AddHours(-1));
        var (status, body) = await Healthz();

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Degraded\noutbox: Degraded: Outbox behind: 1 message(s) dead-lettered in the last 24 hours; see GET /api/local/outbox?state=DeadLetter", body);
    }

    private void Dead(string key, DateTimeOffset at)
    {
        // Queued far ahead so nothing delivers it, then claimed and given up on at the given time.
        var later = DateTimeOffset.UtcNow.AddDays(30);
        Outbox.Enqueue(Message(key), later);
        var id = Outbox.FindByIdempotencyKey(key)!.Id;
        Assert.NotNull(Outbox.TryClaim(id, later, later.AddMinutes(2)));
        Assert.True(Outbox.MarkDeadLetter(id, "users_not_found", at));
    }
}
