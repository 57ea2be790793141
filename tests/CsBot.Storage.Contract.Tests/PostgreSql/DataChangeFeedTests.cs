using CsBot.Storage.PostgreSql;
using CsBot.Tests.Shared;
using CsBot.Testing.PostgreSql;

namespace CsBot.Storage.Contract.Tests.PostgreSql;

/// <summary>
/// The log of writes CsBot instances share: each instance's feed returns the accounts the others changed, once, and
/// not its own writes nor what was written before it started reading.
/// </summary>
public sealed class DataChangeFeedTests
{
    [PostgreSqlFact]
    public async Task A_feed_returns_each_write_of_another_instance_once_and_skips_its_own()
    {
        var test = await TestDatabase.CreateAsync();
        await using var _ = test;
        using var one = new PostgreSqlDatabase(test.ConnectionString);
        using var other = new PostgreSqlDatabase(test.ConnectionString);
        SchemaMigrator.Migrate(one);

        // Written before the feed started: the reading instance loads that from the tables, not from the feed.
        new PostgreSqlPortfolioStore(other).Save([TestData.Bare(TestData.MinimalAccount("acc-early"))]);
        var feed = new DataChangeFeed(one, TimeProvider.System);
        Assert.Empty(feed.Poll());

        new PostgreSqlPortfolioStore(other).Save([TestData.Bare(TestData.MinimalAccount("acc-1")), TestData.Bare(TestData.MinimalAccount("acc-2"))]);
        new PostgreSqlAlertStore(other).Upsert([TestData.Alert("acc-2", "usage-cliff")]);
        new PostgreSqlPortfolioStore(one).Save([TestData.Bare(TestData.MinimalAccount("acc-mine"))]);

        var changes = feed.Poll();
        Assert.Equal(
            [(DataChangeKind.Portfolio, "acc-1,acc-2"), (DataChangeKind.Alerts, "acc-2")],
            changes.Select(c => (c.Kind, string.Join(",", c.AccountIds.Order(StringComparer.Ordinal)))));
        Assert.Empty(feed.Poll());
    }
}
