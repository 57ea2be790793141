using System.Net;
using System.Text;

namespace CsBot.Host.Tests;

/// <summary>
/// The local chat's JSON bodies, damaged: each is refused with 400, never a 500. A literal cut short where the body
/// crosses from one buffer segment to the next made System.Text.Json throw IndexOutOfRangeException instead of a
/// JsonException (dotnet/runtime#134448), found by the fuzz test.
/// </summary>
public sealed class LocalJsonBodyTests : IDisposable
{
    private readonly CsBotHost _host = new(new Dictionary<string, string?>
    {
        ["Demo:Enabled"] = "false",
        ["Scheduling:EvaluateAtStartup"] = "false",
        ["Reminders:RunAtStartup"] = "false",
    }) { ClientAddress = IPAddress.Loopback };

    public void Dispose() => _host.Dispose();

    [Theory]
    [InlineData("/api/local/ask", "{\"text\":tr")]
    [InlineData("/api/local/ask", "{\"text\":\"hi\",\"user\":fals")]
    [InlineData("/api/local/actions", "{\"kind\":\"Why\",\"value\":nul")]
    [InlineData("/api/local/actions", "[t")]
    public async Task A_literal_cut_short_at_any_buffer_boundary_is_a_400(string path, string json)
    {
        using var client = _host.CreateClient();
        var statuses = new List<(int Padding, HttpStatusCode Status)>();
        // Leading whitespace moves the cut literal across the 4 KiB blocks the request body arrives in.
        foreach (var padding in Enumerable.Range(4_070, 40).Concat(Enumerable.Range(8_170, 30)))
        {
            var content = new StringContent(new string(' ', padding) + json, Encoding.UTF8, "application/json");
            using var response = await client.PostAsync(path, content);
            statuses.Add((padding, response.StatusCode));
        }

        Assert.All(statuses, s => Assert.True(s.Status == HttpStatusCode.BadRequest, $"padding {s.Padding}: {(int)s.Status}"));
    }
}
