using CsBot.Application.ReadModel;
using CsBot.Core.Ports;
using CsBot.Testing.PostgreSql;
using Microsoft.Extensions.DependencyInjection;

namespace CsBot.Host.Tests.PostgreSql;

/// <summary>
/// Two CsBot hosts on one PostgreSQL database: a portfolio write through one shows in the other's cached answers
/// without a restart, because each instance reads the changes the others recorded.
/// </summary>
public sealed class SharedReadModelTests
{
    [PostgreSqlFact]
    public async Task A_portfolio_write_on_one_instance_refreshes_the_answers_of_another()
    {
        await using var database = await TestDatabase.CreateAsync();
        var settings = new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "PostgreSql",
            ["Storage:ConnectionString"] = database.ConnectionString,
            ["Alerting:QuietHours:Enabled"] = "false",
        };
        using var first = new CsBotHost(settings);
        first.CreateClient();
        using var second = new CsBotHost(settings);
        second.CreateClient();

        // The second instance has read the demo portfolio and caches it.
        var view = second.Services.GetRequiredService<PortfolioView>();
        var acme = await Eventually.Until(
            () => Task.FromResult(view.Portfolio.Signals.FirstOrDefault(s => s.Account.Name == "Acme Corp")),
            found => found is not null,
            "the second instance to see the demo portfolio");

        var store = first.Services.GetRequiredService<IPortfolioStore>();
        var stored = store.LoadSignals(acme!.Account.Id)!;
        var renamed = stored with { Account = stored.Account with { Name = "Acme Holdings" } };
        store.Save([renamed]);

        var seen = await Eventually.Until(
            () => Task.FromResult(view.Portfolio.ById[acme.Account.Id].Account.Name),
            name => name == "Acme Holdings",
            "the second instance's answers to show the first instance's write",
            name => $"the second instance still says {name}",
            TimeSpan.FromSeconds(5));
        Assert.Equal("Acme Holdings", seen);
        Assert.DoesNotContain(view.Portfolio.Accounts, a => a.Name == "Acme Corp");
    }
}
