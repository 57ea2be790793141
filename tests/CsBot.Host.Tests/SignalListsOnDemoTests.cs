using System.Net.Http.Json;
using System.Text.Json;
using CsBot.Core.Ports;
using Microsoft.Extensions.DependencyInjection;

namespace CsBot.Host.Tests;

/// <summary>
/// On the demo portfolio, after the first evaluation: a list by signal names exactly the accounts whose alert for that
/// rule is open, since both come from the same rule and threshold.
/// </summary>
public sealed class SignalListsOnDemoTests(DemoEndToEndTests.BootedHost host) : IClassFixture<DemoEndToEndTests.BootedHost>
{
    [Theory]
    [InlineData("accounts with open critical tickets", "critical-tickets")]
    [InlineData("accounts nobody has logged into", "no-login")]
    [InlineData("nps detractors", "nps-detractor")]
    [InlineData("which accounts have low seat utilisation", "low-seat-utilization")]
    [InlineData("usage cliffs", "usage-cliff")]
    [InlineData("who contracted", "contraction")]
    [InlineData("renewals at risk", "renewal-at-risk")]
    public async Task A_list_by_signal_agrees_with_the_open_alerts_of_its_rule(string question, string ruleId)
    {
        var accounts = host.Factory.Services.GetRequiredService<IPortfolioStore>().GetAccounts().ToDictionary(a => a.Id);
        var alerted = host.Factory.Services.GetRequiredService<IAlertStore>().GetOpen()
            .Where(a => a.RuleId == ruleId && accounts.ContainsKey(a.AccountId)).Select(a => accounts[a.AccountId].Name).Order().ToList();

        var answer = await Ask(question);

        var title = answer.GetProperty("title").GetString()!;
        var listed = answer.GetProperty("message").GetProperty("sections").EnumerateArray().Select(s => s.GetProperty("heading").GetString()!.Split(':')[0]).Order().ToList();
        if (alerted.Count == 0) Assert.StartsWith("No accounts with", title);
        else Assert.StartsWith($"{alerted.Count} account", title);
        Assert.Equal(Math.Min(alerted.Count, 10), listed.Count);
        Assert.All(listed, name => Assert.Contains(name, alerted));
    }

    private async Task<JsonElement> Ask(string text)
    {
        var response = await host.Client.PostAsJsonAsync("/api/local/ask", new { text, email = "dana.whitfield@csbot.example" });
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
