using CsBot.Storage.LiteDb.Documents;
using LiteDB;

namespace CsBot.Storage.LiteDb.Tests;

/// <summary>
/// An ingestion batch finds its accounts by external id through the data documents, which carry it, and merges into
/// the documents that look-up read. Documents written before they carried it, and external ids that changed, must
/// still resolve as the accounts say.
/// </summary>
public sealed class DataByExternalIdTests : IDisposable
{
    private readonly TempDatabase _db = new();

    public void Dispose() => _db.Dispose();

    [Fact]
    public void Loading_the_signals_of_accounts_just_found_by_external_id_takes_the_documents_the_look_up_read()
    {
        var context = _db.Open();
        var store = new LiteDbPortfolioStore(context);
        var ids = Enumerable.Range(0, 40).Select(i => $"acc-{i:D3}").ToArray();
        store.Save([.. ids.Select(id => TestData.FullSignals(id, usageDays: 30))]);

        var found = store.FindIdsByExternalIds([.. ids.Select(id => "crm-" + id)]);
        // Changed in the file behind the store's back: a load that read the file again would see 5 days.
        var raw = context.Database.GetCollection(LiteDbContext.AccountData);
        raw.Update(AccountDataDocument.From(TestData.FullSignals("acc-007", usageDays: 5)));
        var loaded = store.LoadSignalsOf([.. found.Values]);

        Assert.Equal(ids, found.Values.Order(StringComparer.Ordinal));
        Assert.Equal(30, loaded["acc-007"].Usage.Length);
        Assert.Equal(ids.Length, context.RecentData.Count);
    }

    [Fact]
    public void Accounts_whose_data_was_written_before_it_carried_the_external_id_are_found_and_get_it_when_saved()
    {
        var context = _db.Open();
        var store = new LiteDbPortfolioStore(context);
        var signals = TestData.FullSignals("acc-001", usageDays: 30);
        store.Save([signals]);
        var raw = context.Database.GetCollection(LiteDbContext.AccountData);
        var earlier = raw.FindById("acc-001");
        earlier.Remove(AccountDataDocument.ExternalIdField);
        raw.Update(earlier);

        Assert.Equal("acc-001", store.FindIdsByExternalIds(["crm-acc-001"])["crm-acc-001"]);
        store.Save([signals]);

        Assert.Equal("crm-acc-001", AccountDataDocument.ExternalIdOf(raw.FindById("acc-001")));
        Assert.Equal(1, raw.Count(Query.EQ("$." + AccountDataDocument.ExternalIdField, "crm-acc-001")));
    }

    [Fact]
    public void An_account_whose_external_id_changed_is_found_by_the_new_one_only()
    {
        var store = new LiteDbPortfolioStore(_db.Open());
        var signals = TestData.FullSignals("acc-001", usageDays: 30);
        store.Save([signals]);
        store.Save([signals with { Account = signals.Account with { ExternalId = "crm-renamed" } }]);

        var found = store.FindIdsByExternalIds(["crm-acc-001", "crm-renamed", "crm-unknown"]);

        Assert.Equal(["crm-renamed"], found.Keys);
        Assert.Equal("acc-001", found["crm-renamed"]);
    }

    [Fact]
    public void Opening_a_file_whose_data_documents_have_no_external_id_index_adds_it()
    {
        using (var context = _db.Open())
        {
            new LiteDbPortfolioStore(context).Save([TestData.FullSignals("acc-001", usageDays: 30)]);
            context.Database.GetCollection(LiteDbContext.AccountData).DropIndex("external_id");
        }

        using var reopened = _db.Open();

        Assert.Contains(reopened.Database.GetCollection("$indexes").Find(Query.EQ("collection", LiteDbContext.AccountData)), index => index["name"] == "external_id");
        Assert.Equal("acc-001", new LiteDbPortfolioStore(reopened).FindIdsByExternalIds(["crm-acc-001"])["crm-acc-001"]);
    }
}
