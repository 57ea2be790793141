using CsBot.Core.Signals;

namespace CsBot.Storage.LiteDb.Tests;

/// <summary>
/// A file written before accounts' data were one document per account is upgraded when opened: every account keeps its
/// record, usage and signals exactly, the old collections go, and a stop midway loses nothing.
/// </summary>
public sealed class PortfolioLayoutUpgradeTests : IDisposable
{
    private readonly TempDatabase _db = new();

    public void Dispose() => _db.Dispose();

    private static List<AccountSignals> Portfolio(int count) =>
    [
        .. Enumerable.Range(0, count).Select(i => (i % 4) switch
        {
            0 => TestData.FullSignals($"acc-{i:D5}", usageDays: 30 + i % 150),
            1 => TestData.Bare(TestData.MinimalAccount($"acc-{i:D5}")),
            2 => TestData.Bare(TestData.FullAccount($"acc-{i:D5}")) with { Usage = TestData.Usage(20, seed: i) },
            _ => TestData.FullSignals($"acc-{i:D5}") with { Usage = [] },
        }),
    ];

    [Fact]
    public void A_file_of_the_earlier_layout_is_upgraded_on_open_without_losing_anything()
    {
        // More than one upgrade batch, with the oldest form of signals (nested documents) for some accounts.
        var portfolio = Portfolio(2_345);
        using (var writer = _db.Open())
        {
            EarlierLayout.Write(writer, portfolio.Take(2_000));
            EarlierLayout.Write(writer, portfolio.Skip(2_000), nestedSignals: true);
            Assert.Equal(0, writer.Database.GetCollection(LiteDbContext.AccountData).Count());
        }

        var context = _db.Open();
        var store = new LiteDbPortfolioStore(context);

        var loaded = store.LoadAllSignals().ToList();
        Assert.Equal(portfolio.Count, loaded.Count);
        for (var i = 0; i < portfolio.Count; i++) Asserts.SameSignals(portfolio[i], loaded[i]);
        Asserts.SameSignals(portfolio[2_100], store.LoadSignals(portfolio[2_100].Account.Id));
        Asserts.SameAccount(portfolio[7].Account, store.FindByExternalId(portfolio[7].Account.ExternalId));
        Assert.False(context.Database.CollectionExists(LiteDbContext.Usage));
        Assert.False(context.Database.CollectionExists(LiteDbContext.Signals));
        Assert.Equal(portfolio.Count, context.Database.GetCollection(LiteDbContext.AccountData).Count());
    }

    [Fact]
    public void An_upgrade_stopped_midway_carries_on_at_the_next_start_with_nothing_lost()
    {
        var portfolio = Portfolio(40);
        using (var writer = _db.Open())
        {
            // The first half was upgraded and committed (data documents, old ones deleted); then the process stopped.
            new LiteDbPortfolioStore(writer).Save(portfolio.Take(20).ToList());
            EarlierLayout.Write(writer, portfolio.Skip(20));
            Assert.True(writer.Database.CollectionExists(LiteDbContext.Usage));
        }

        var store = new LiteDbPortfolioStore(_db.Open());

        var loaded = store.LoadAllSignals().ToList();
        Assert.Equal(portfolio.Count, loaded.Count);
        for (var i = 0; i < portfolio.Count; i++) Asserts.SameSignals(portfolio[i], loaded[i]);
    }

    [Fact]
    public void An_upgraded_file_opens_again_unchanged()
    {
        var portfolio = Portfolio(12);
        using (var writer = _db.Open()) EarlierLayout.Write(writer, portfolio);
        _db.Open().Dispose();

        var store = new LiteDbPortfolioStore(_db.Open());
        Assert.Equal(portfolio.Select(p => p.Account.Id), store.LoadAllSignals().Select(s => s.Account.Id));
        for (var i = 0; i < portfolio.Count; i++) Asserts.SameSignals(portfolio[i], store.LoadSignals(portfolio[i].Account.Id));
    }
}
