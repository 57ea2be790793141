using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;

namespace CsBot.Host.Tests.Ingestion;

public sealed class ClosedByDefaultTests
{
    [Fact]
    public async Task Without_configured_keys_the_api_answers_401_saying_how_to_configure_one()
    {
        using var factory = new CsBotHost(new Dictionary<string, string?> { ["Demo:Enabled"] = "false", ["Scheduling:EvaluateAtStartup"] = "false", ["Reminders:RunAtStartup"] = "false" });

        var response = await factory.Client("anything-at-all-here").GetAsync("/api/v1/accounts");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("Api:Keys", (await response.Json()).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task A_body_over_the_limit_gets_413_and_writes_nothing()
    {
        using var factory = ApiHost.Create(new Dictionary<string, string?> { ["Api:MaxBodyBytes"] = "2048" });
        var batch = Enumerable.Range(0, 50).Select(i => ApiHost.Account($"CRM-{i}", $"Account {i}")).ToArray();

        var response = await factory.Client(ApiHost.WriteKey).PostAsJsonAsync("/api/v1/accounts", batch);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("Api:MaxBodyBytes", (await response.Json()).GetProperty("detail").GetString());
        Assert.True(factory.Services.GetRequiredService<Core.Ports.IPortfolioStore>().IsEmpty());
    }

    [Theory]
    [InlineData("203.0.113.7", HttpStatusCode.Forbidden)]
    [InlineData("127.0.0.1", HttpStatusCode.OK)]
    public async Task The_local_chat_answers_loopback_clients_only(string remote, HttpStatusCode expected)
    {
        using var factory = ApiHost.Create();
        factory.ClientAddress = IPAddress.Parse(remote);

        var response = await factory.CreateClient().PostAsJsonAsync("/api/local/ask", new { text = "help" });

        Assert.Equal(expected, response.StatusCode);
    }

    [Theory]
    [InlineData("/api/local/messages")]
    [InlineData("/api/local/alerts")]
    [InlineData("/api/local/outbox")]
    [InlineData("/api/local/outbox/counts")]
    [InlineData("/api/local/digest/preview")]
    public async Task Every_local_route_is_closed_to_other_machines_naming_the_setting(string path)
    {
        using var factory = ApiHost.Create();
        factory.ClientAddress = IPAddress.Parse("203.0.113.7");

        var response = await factory.CreateClient().GetAsync(path);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("LocalChat:AllowRemote", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Allowing_remote_clients_opens_the_local_chat()
    {
        using var factory = ApiHost.Create(new Dictionary<string, string?> { ["LocalChat:AllowRemote"] = "true" });
        factory.ClientAddress = IPAddress.Parse("203.0.113.7");

        var response = await factory.CreateClient().PostAsJsonAsync("/api/local/ask", new { text = "help" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
