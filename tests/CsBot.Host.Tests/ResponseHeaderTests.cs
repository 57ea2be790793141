using System.Net;
using System.Net.Http.Json;
using CsBot.Host.Tests.Ingestion;

namespace CsBot.Host.Tests;

/// <summary>Every response, data as well as the playground page, tells browsers not to sniff, frame, refer or cache it, and none names the server.</summary>
public sealed class ResponseHeaderTests
{
    [Fact]
    public async Task Json_answers_of_every_surface_carry_the_security_headers_and_are_not_cached()
    {
        using var factory = ApiHost.Create();
        var client = factory.Client(ApiHost.ReadKey);

        var responses = new[]
        {
            await client.PostAsJsonAsync("/api/local/ask", new { text = "help" }),
            await client.GetAsync("/api/local/messages"),
            await client.GetAsync("/api/v1/accounts"),
            await factory.Client(null).GetAsync("/api/v1/accounts"), // a 401 problem
            await client.GetAsync("/no/such/path"),
        };

        foreach (var response in responses)
        {
            var what = $"{response.RequestMessage!.RequestUri!.AbsolutePath} ({(int)response.StatusCode})";
            Assert.True(response.Headers.TryGetValues("X-Content-Type-Options", out var sniff) && sniff.Single() == "nosniff", what);
            Assert.True(response.Headers.TryGetValues("Referrer-Policy", out var referrer) && referrer.Single() == "no-referrer", what);
            Assert.True(response.Headers.TryGetValues("X-Frame-Options", out var frame) && frame.Single() == "DENY", what);
            Assert.True(response.Headers.TryGetValues("Content-Security-Policy", out var csp) && csp.Single().Contains("frame-ancestors 'none'"), what);
            Assert.True(response.Headers.CacheControl?.NoStore == true, what);
        }
    }

    [Fact]
    public async Task The_playground_page_keeps_its_own_policy_and_is_not_framed()
    {
        using var factory = ApiHost.Create();

        var page = await factory.CreateClient().GetAsync("/");

        Assert.Contains("script-src 'self'", page.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Equal("DENY", page.Headers.GetValues("X-Frame-Options").Single());
        Assert.Equal("no-referrer", page.Headers.GetValues("Referrer-Policy").Single());
    }

    [Fact]
    public async Task Kestrel_does_not_name_itself_in_a_Server_header()
    {
        using var factory = ApiHost.Create();
        using var client = new HttpClient { BaseAddress = new Uri(factory.StartOnLoopback()) };

        foreach (var path in new[] { "/healthz", "/api/local/messages", "/api/v1/accounts", "/no/such/path" })
        {
            var response = await client.GetAsync(path);
            Assert.False(response.Headers.Contains("Server"), $"{path} ({(int)response.StatusCode}): Server: {string.Join(",", response.Headers.TryGetValues("Server", out var v) ? v : [])}");
        }
    }
}
