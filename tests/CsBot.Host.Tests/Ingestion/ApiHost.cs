using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;

namespace CsBot.Host.Tests.Ingestion;

/// <summary>A host on an empty store (no demo data, no startup evaluation) with one read-write and one read-only key.</summary>
public static class ApiHost
{
    public const string WriteKey = "write-key-0123456789abcdef";
    public const string ReadKey = "read-key-0123456789abcdef";

    public static CsBotHost Create(IDictionary<string, string?>? extra = null, Action<IServiceCollection>? services = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Demo:Enabled"] = "false",
            ["Scheduling:EvaluateAtStartup"] = "false",
            ["Reminders:RunAtStartup"] = "false",
            ["Api:Keys:0:Name"] = "writer",
            ["Api:Keys:0:Key"] = WriteKey,
            ["Api:Keys:0:Access"] = "ReadWrite",
            ["Api:Keys:1:Name"] = "reader",
            ["Api:Keys:1:KeyHash"] = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(ReadKey))),
            ["Api:Keys:1:Access"] = "ReadOnly",
        };
        foreach (var (k, v) in extra ?? new Dictionary<string, string?>()) settings[k] = v;
        return new CsBotHost(settings, services);
    }

    /// <summary>A host as <see cref="Create"/> whose clock stands still at <paramref name="now"/>.</summary>
    public static CsBotHost CreateAt(DateTimeOffset now) =>
        Create(services: services => services.AddSingleton<TimeProvider>(new FixedTime(now)));

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    public static HttpClient Client(this CsBotHost factory, string? key)
    {
        var client = factory.CreateClient();
        if (key is not null) client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return client;
    }

    public static object Account(string externalId, string name, string ownerEmail = "dana@example.com", string segment = "Enterprise", decimal mrr = 5000) => new
    {
        externalId, name, segment, mrr, plan = "Business", contractKind = "Annual", startDate = "2024-01-15",
        owner = new { name = "Dana Whitfield", email = ownerEmail },
    };

    public static async Task<JsonElement> Json(this HttpResponseMessage response) => await response.Content.ReadFromJsonAsync<JsonElement>();

    public static async Task<JsonElement> PostOk(this HttpClient client, string path, object body)
    {
        var response = await client.PostAsJsonAsync(path, body);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.Json();
    }
}
