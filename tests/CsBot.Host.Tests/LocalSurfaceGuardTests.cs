using System.Net;
using System.Net.Http.Json;
using CsBot.Host.Tests.Ingestion;

namespace CsBot.Host.Tests;

/// <summary>
/// The local surfaces (/api/local, the playground) stay on this machine even when a reverse proxy or tunnel on this
/// machine forwards to CsBot (it connects from loopback), and a page whose domain was re-pointed at 127.0.0.1 (DNS
/// rebinding, a foreign Host header) cannot read them.
/// </summary>
public sealed class LocalSurfaceGuardTests : IClassFixture<LocalSurfaceGuardTests.LoopbackHost>
{
    private readonly HttpClient _client;

    public LocalSurfaceGuardTests(LoopbackHost host) => _client = host.Factory.CreateClient();

    public sealed class LoopbackHost : IDisposable
    {
        public CsBotHost Factory { get; } = ApiHost.Create();
        public LoopbackHost() => Factory.ClientAddress = IPAddress.Loopback;
        public void Dispose() => Factory.Dispose();
    }

    [Theory]
    [InlineData("X-Forwarded-For", "198.51.100.4")]
    [InlineData("Forwarded", "for=198.51.100.4;proto=https")]
    [InlineData("X-Forwarded-Host", "csbot.example.com")]
    [InlineData("X-Real-IP", "198.51.100.4")]
    [InlineData("Via", "1.1 tunnel")]
    public async Task A_request_that_came_through_a_proxy_on_this_machine_gets_403_naming_the_setting(string header, string value)
    {
        foreach (var request in new[] { Get("/api/local/messages"), Get("/"), Ask("help") })
        {
            request.Headers.TryAddWithoutValidation(header, value);

            var response = await _client.SendAsync(request);

            Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{request.RequestUri}: {(int)response.StatusCode}");
            var detail = (await response.Json()).GetProperty("detail").GetString()!;
            Assert.Contains("LocalChat:AllowRemote", detail);
            Assert.Contains(header, detail);
        }
    }

    [Theory]
    [InlineData("evil.example")]
    [InlineData("evil.example:5080")]
    [InlineData("127.0.0.1.evil.example")]
    [InlineData("localhost.evil.example")]
    public async Task A_request_for_another_host_name_gets_403_and_no_data(string host)
    {
        foreach (var request in new[] { Get("/api/local/messages"), Get("/api/local/alerts"), Get("/"), Ask("at-risk accounts") })
        {
            request.Headers.Host = host;

            var response = await _client.SendAsync(request);

            Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{request.RequestUri} for {host}: {(int)response.StatusCode}");
            Assert.Contains("LocalChat:AllowedHosts", (await response.Json()).GetProperty("detail").GetString());
        }
    }

    [Theory]
    [InlineData("localhost")]
    [InlineData("localhost:5080")]
    [InlineData("127.0.0.1:5080")]
    [InlineData("[::1]:5080")]
    public async Task Requests_for_this_machine_by_name_or_loopback_address_are_served(string host)
    {
        var request = Ask("help");
        request.Headers.Host = host;

        var response = await _client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task The_proxy_and_host_checks_leave_other_surfaces_alone()
    {
        var request = Get("/healthz");
        request.Headers.Host = "csbot.example.com";
        request.Headers.TryAddWithoutValidation("X-Forwarded-For", "198.51.100.4");

        Assert.Equal(HttpStatusCode.OK, (await _client.SendAsync(request)).StatusCode);
    }

    [Fact]
    public async Task Allowing_remote_clients_serves_proxied_requests_for_any_name()
    {
        using var factory = ApiHost.Create(new Dictionary<string, string?> { ["LocalChat:AllowRemote"] = "true" });
        var request = Ask("help");
        request.Headers.Host = "csbot.example.com";
        request.Headers.TryAddWithoutValidation("X-Forwarded-For", "198.51.100.4");

        Assert.Equal(HttpStatusCode.OK, (await factory.CreateClient().SendAsync(request)).StatusCode);
    }

    [Fact]
    public async Task A_name_in_the_allowed_hosts_is_served_and_with_remote_clients_allowed_only_those_names_are()
    {
        using var local = ApiHost.Create(new Dictionary<string, string?> { ["LocalChat:AllowedHosts:0"] = "csbot.lan" });
        var named = Get("/api/local/messages");
        named.Headers.Host = "csbot.lan:5080";
        Assert.Equal(HttpStatusCode.OK, (await local.CreateClient().SendAsync(named)).StatusCode);

        using var remote = ApiHost.Create(new Dictionary<string, string?> { ["LocalChat:AllowRemote"] = "true", ["LocalChat:AllowedHosts:0"] = "csbot.lan" });
        remote.ClientAddress = IPAddress.Parse("203.0.113.7");
        var client = remote.CreateClient();
        var listed = Get("/api/local/messages");
        listed.Headers.Host = "csbot.lan";
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(listed)).StatusCode);
        var other = Get("/api/local/messages");
        other.Headers.Host = "evil.example";
        Assert.Equal(HttpStatusCode.Forbidden, (await client.SendAsync(other)).StatusCode);
    }

    private static HttpRequestMessage Get(string path) => new(HttpMethod.Get, path);

    private static HttpRequestMessage Ask(string text) => new(HttpMethod.Post, "/api/local/ask") { Content = JsonContent.Create(new { text }) };
}
