using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace CsBot.Host.Tests.Ingestion;

/// <summary>
/// Api:MaxBodyBytes is the one body limit of /api/v1, also above the web server's own default (Kestrel refuses
/// 30,000,000 bytes): a body under the setting is read, and a body over it gets a 413 whose body names the setting.
/// On a real socket, since the in-memory test server has no body limit of its own.
/// </summary>
public sealed class BodyLimitTests : IDisposable
{
    private const int Limit = 40_000_000;
    private readonly CsBotHost _factory = ApiHost.Create(new Dictionary<string, string?> { ["Api:MaxBodyBytes"] = Limit.ToString() });
    private readonly HttpClient _client;

    public BodyLimitTests()
    {
        _client = new HttpClient { BaseAddress = new Uri(_factory.StartOnLoopback()), Timeout = TimeSpan.FromMinutes(2) };
        _client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", ApiHost.WriteKey);
    }

    public void Dispose()
    {
        _client.Dispose();
        _factory.Dispose();
    }

    [Fact]
    public async Task A_body_above_the_web_servers_default_but_within_the_setting_is_read()
    {
        // 31 MB of JSON that breaks at its very end: a 400 naming the position shows all of it was read.
        var body = Body(31_000_000);

        var response = await _client.PostAsync("/api/v1/accounts", new ByteArrayContent(body) { Headers = { ContentType = new("application/json") } });

        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        Assert.Equal(body.Length, (await response.Json()).GetProperty("position").GetInt64());
    }

    [Fact]
    public async Task A_streamed_body_over_the_setting_gets_413_with_a_body_naming_the_setting()
    {
        // Sent without a length (chunked), so the limit can only be found while reading.
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/accounts")
        {
            Content = new ByteArrayContent(Body(Limit + 1_000_000)) { Headers = { ContentType = new("application/json") } },
        };
        request.Headers.TransferEncodingChunked = true;

        var response = await _client.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        var detail = (await response.Json()).GetProperty("detail").GetString()!;
        Assert.Contains("Api:MaxBodyBytes", detail);
        Assert.Contains("40,000,000 bytes", detail);
    }

    /// <summary>"[", spaces, and an "x" as the last byte, where a value cannot start.</summary>
    private static byte[] Body(int length)
    {
        var body = new byte[length];
        Array.Fill(body, (byte)' ');
        body[0] = (byte)'[';
        body[^1] = (byte)'x';
        return body;
    }
}
