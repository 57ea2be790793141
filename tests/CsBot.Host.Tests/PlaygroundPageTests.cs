using System.Net;
using CsBot.Host.Tests.Ingestion;

namespace CsBot.Host.Tests;

/// <summary>The playground page at "/": served from the host, and closed to other machines like /api/local.</summary>
public sealed class PlaygroundPageTests
{
    private static readonly string[] PageFiles = ["/", "/index.html", "/playground.js", "/playground.css"];

    [Fact]
    public async Task The_page_its_script_and_style_are_served_with_a_policy_that_runs_only_its_own_script()
    {
        using var factory = ApiHost.Create();
        var client = factory.CreateClient();

        var page = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("<label for=\"question\">Ask CsBot</label>", html);
        Assert.Contains("script-src 'self'", page.Headers.GetValues("Content-Security-Policy").Single());

        var script = await client.GetAsync("/playground.js");
        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
        Assert.Equal("text/javascript", script.Content.Headers.ContentType?.MediaType);
        // The script draws every text with textContent; an innerHTML would let account data run in the page.
        Assert.DoesNotContain(".innerHTML", await script.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/playground.css")).StatusCode);
    }

    [Fact]
    public async Task Clients_on_other_machines_get_403_naming_the_setting_for_every_page_file_but_not_for_other_paths()
    {
        using var factory = Remote(ApiHost.Create());
        var client = factory.CreateClient();

        foreach (var path in PageFiles)
        {
            var response = await client.GetAsync(path);
            Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{path}: {(int)response.StatusCode}");
            Assert.Contains("LocalChat:AllowRemote", await response.Content.ReadAsStringAsync());
        }
        // The gate is for the page only: the health check (and Slack, Teams, /api/v1) answer remote clients as before.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz")).StatusCode);
    }

    [Fact]
    public async Task Allowing_remote_clients_opens_the_page_too()
    {
        using var factory = Remote(ApiHost.Create(new Dictionary<string, string?> { ["LocalChat:AllowRemote"] = "true" }));
        var client = factory.CreateClient();

        foreach (var path in PageFiles) Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(path)).StatusCode);
    }

    private static CsBotHost Remote(CsBotHost factory)
    {
        factory.ClientAddress = IPAddress.Parse("203.0.113.7");
        return factory;
    }
}
