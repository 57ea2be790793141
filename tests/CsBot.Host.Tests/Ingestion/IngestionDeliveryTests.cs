using System.Net.Http.Json;
using System.Text.Json;
using CsBot.Application.Time;
using Microsoft.Extensions.DependencyInjection;

namespace CsBot.Host.Tests.Ingestion;

/// <summary>An alert raised by an ingested batch reaches chat at once, not at the next delivery poll.</summary>
public sealed class IngestionDeliveryTests : IDisposable
{
    // The delivery poll fires once a year (1 January): only the batch itself can have delivered the alert.
    private readonly CsBotHost _factory = ApiHost.Create(new Dictionary<string, string?> { ["Delivery:PollCron"] = "0 0 0 1 1 ?" });

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task A_batch_that_raises_an_alert_delivers_it_without_waiting_for_the_poll()
    {
        var client = _factory.Client(ApiHost.WriteKey);
        await client.PostOk("/api/v1/accounts", new[] { ApiHost.Account("CRM-1", "Acme") });
        var today = _factory.Services.GetRequiredService<BusinessClock>().Today;
        var usage = Enumerable.Range(0, 42).Select(i =>
        {
            var active = i < 35 ? 100 : 40; // the last 7 days 60% lower
            return new { accountExternalId = "CRM-1", date = today.AddDays(-41 + i).ToString("yyyy-MM-dd"), activeUsers = active, monthlyActiveUsers = 120, licensedSeats = 120, logins = active * 2, keyFeatureUses = active * 3 };
        }).ToArray();

        var result = await client.PostOk("/api/v1/usage", usage);

        Assert.Equal(1, result.GetProperty("alertsStarted").GetInt32());
        var messages = await Eventually.Until(
            async () => await client.GetFromJsonAsync<JsonElement[]>("/api/local/messages") ?? [],
            sent => sent.Any(m => m.GetRawText().Contains("Acme", StringComparison.Ordinal)),
            "the alert raised by the batch, delivered without waiting for the yearly delivery poll",
            timeout: TimeSpan.FromSeconds(30));
        var alert = messages.First(m => m.GetRawText().Contains("Acme", StringComparison.Ordinal));
        Assert.Contains("60%", alert.GetRawText());
    }
}
