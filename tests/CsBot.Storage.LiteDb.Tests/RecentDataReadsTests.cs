using CsBot.Core.Signals;

namespace CsBot.Storage.LiteDb.Tests;

/// <summary>
/// An ingestion batch reads the data documents of its accounts to merge into, and its save compares with those instead
/// of reading them again; whatever was saved in between must win over what was kept, so no save is skipped as unchanged
/// when it is not.
/// </summary>
public sealed class RecentDataReadsTests : IDisposable
{
    private readonly TempDatabase _db = new();

    public void Dispose() => _db.Dispose();

    [Fact]
    public void A_save_takes_the_documents_its_read_kept()
    {
        var context = _db.Open();
        var store = new LiteDbPortfolioStore(context);
        var ids = Enumerable.Range(0, 40).Select(i => $"acc-{i:D3}").ToArray();
        store.Save([.. ids.Select(id => TestData.FullSignals(id, usageDays: 30))]);

        var read = store.LoadSignalsOf(ids);
        Assert.Equal(ids.Length, context.RecentData.Count);
        store.Save([.. read.Values.Select(s => s with { Usage = [.. TestData.Usage(31)] })]);

        Assert.Equal(0, context.RecentData.Count);
        Assert.All(ids, id => Assert.Equal(31, store.LoadSignals(id)!.Usage.Length));
    }

    [Fact]
    public void Signals_saved_after_the_read_are_not_taken_for_unchanged_by_a_later_save_of_what_was_read()
    {
        var context = _db.Open();
        var store = new LiteDbPortfolioStore(context);
        var original = TestData.FullSignals("acc-001", usageDays: 30);
        store.Save([original]);

        var read = store.LoadSignalsOf(["acc-001"])["acc-001"];
        store.Save([read with { Usage = [.. TestData.Usage(10)] }]);
        // Back to what was read: it differs from what is stored now, so it must be written.
        store.Save([read]);

        Assert.Equal(30, store.LoadSignals("acc-001")!.Usage.Length);
    }

    [Fact]
    public void A_read_that_a_save_committed_during_is_not_kept()
    {
        var context = _db.Open();
        var store = new LiteDbPortfolioStore(context);
        store.Save([TestData.FullSignals("acc-001", usageDays: 30)]);
        var version = context.RecentData.Version;
        var stale = KeyedReads.ByIds(context.Database.GetCollection(LiteDbContext.AccountData), ["acc-001"]);
        store.Save([TestData.FullSignals("acc-001", usageDays: 12)]);

        context.RecentData.Remember(version, stale);
        store.Save([TestData.FullSignals("acc-001", usageDays: 30)]);

        Assert.Equal(0, context.RecentData.Count);
        Assert.Equal(30, store.LoadSignals("acc-001")!.Usage.Length);
    }
}
