using System.Net.Http.Json;
using System.Text.Json;

namespace CsBot.Host.Tests;

/// <summary>What the local chat sink has delivered, as /api/local/messages lists it (oldest first).</summary>
public static class LocalFeed
{
    public static async Task<JsonElement[]> SentMessagesAsync(this HttpClient client) =>
        await client.GetFromJsonAsync<JsonElement[]>("/api/local/messages") ?? [];
}
